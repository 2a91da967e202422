// The scenario the page opens with: a small cluster and a logging agent on every node, the
// classic first DaemonSet. No steps: people drive it from the grid, the console and the editor.
export const DEFAULT_SCENARIO = `# A small cluster: one control-plane node and three workers.
apiVersion: v1
kind: Node
metadata:
  name: control-plane
  labels:
    kubernetes.io/hostname: control-plane
    node-role.kubernetes.io/control-plane: ""
spec:
  taints:
    - key: node-role.kubernetes.io/control-plane
      effect: NoSchedule
status:
  allocatable: { cpu: "2", memory: 4Gi, pods: "110" }
---
apiVersion: v1
kind: Node
metadata:
  name: node-1
  labels: { kubernetes.io/hostname: node-1, disktype: ssd }
status:
  allocatable: { cpu: "4", memory: 8Gi, pods: "110" }
---
apiVersion: v1
kind: Node
metadata:
  name: node-2
  labels: { kubernetes.io/hostname: node-2, disktype: ssd }
status:
  allocatable: { cpu: "4", memory: 8Gi, pods: "110" }
---
apiVersion: v1
kind: Node
metadata:
  name: node-3
  labels: { kubernetes.io/hostname: node-3, disktype: hdd }
status:
  allocatable: { cpu: "4", memory: 8Gi, pods: "110" }
---
# A log collector on every node, the control plane included.
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: fluentd
  namespace: kube-system
  labels: { app: fluentd }
spec:
  selector:
    matchLabels: { app: fluentd }
  # A new pod counts as available only after being ready this long.
  minReadySeconds: 5
  updateStrategy:
    type: RollingUpdate
    rollingUpdate: { maxUnavailable: 1 }
  template:
    metadata:
      labels: { app: fluentd }
    spec:
      tolerations:
        # Without this, the control-plane node's taint keeps fluentd off it.
        - key: node-role.kubernetes.io/control-plane
          operator: Exists
          effect: NoSchedule
      terminationGracePeriodSeconds: 10
      containers:
        - name: fluentd
          image: fluent/fluentd:v1.14-1
          resources:
            requests: { cpu: 100m, memory: 200Mi }
            limits: { memory: 200Mi }
          readinessProbe:
            httpGet: { path: /metrics, port: 24231 }
            initialDelaySeconds: 3
            periodSeconds: 2
---
apiVersion: playground/v1
kind: Scenario
metadata:
  name: logging-agent-everywhere
spec:
  title: A logging agent on every node
  description: |
    fluentd runs as a DaemonSet: one pod per node, the control plane included
    because it tolerates the control-plane taint.

    Add, taint, cordon or fail a node from the grid, or roll out a new image
    from the console:

    kubectl set image ds/fluentd fluentd=fluent/fluentd:v1.15-1 -n kube-system
`;
