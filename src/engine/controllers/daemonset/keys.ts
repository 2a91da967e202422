// The DaemonSet controller's keys and reasons, under the names its code uses (k8s.io/api/apps/v1 types.go).
export {
  LABEL_CONTROLLER_REVISION_HASH as CONTROLLER_REVISION_HASH,
  ANNOTATION_DEPRECATED_TEMPLATE_GENERATION as TEMPLATE_GENERATION_ANNOTATION,
  LABEL_POD_TEMPLATE_GENERATION as POD_TEMPLATE_GENERATION_LABEL,
  REASON_FAILED_DAEMON_POD as FAILED_DAEMON_POD_REASON,
  REASON_SUCCEEDED_DAEMON_POD as SUCCEEDED_DAEMON_POD_REASON,
  REASON_SELECTING_ALL as SELECTING_ALL_REASON,
} from '../../api/wellKnown';

/** The component name events from this controller carry. */
export const DAEMONSET_CONTROLLER = 'daemonset-controller';
