// The shared placement predicates: one module for the DaemonSet controller, the scheduler and the
// inspector.
export * from './taints';
export * from './nodeAffinity';
export * from './daemonTolerations';
export * from './daemonPlacement';
export * from './resources';
