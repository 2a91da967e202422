// What the kubelet asks about the machine it runs on. The node lifecycle controller, which
// simulates machines going down and coming back, answers; declaring the need here keeps the
// kubelet from importing that controller (which itself imports pod helpers shared with the kubelet).

/**
 * KubeletNodeHost: whether a node's kubelet is running, a call when it starts again, and the
 * node's place and address.
 */
export interface KubeletNodeHost {
  isKubeletUp(nodeName: string): boolean;
  onKubeletRecovered(listener: (nodeName: string) => void): void;
  nodeIndex(nodeName: string): number;
  nodeIP(nodeName: string): string;
}
