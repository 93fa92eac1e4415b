package io.egressstudio.cluster;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;

/**
 * How apply writes an object: the seam between a real API server and fabric8's mock, which rejects server-side
 * apply and ignores dry run (see STACK.md §4).
 */
public enum WriteStrategy {
    /**
     * Server-side apply with field manager {@value #FIELD_MANAGER}, taking over conflicting fields (the user approved
     * the plan that shows them). Dry run is server-side apply with {@code dryRun=All}.
     */
    SERVER_SIDE_APPLY("server-side apply (field manager " + WriteStrategy.FIELD_MANAGER + ")") {
        @Override
        GenericKubernetesResource write(KubeApi api, ApiKind kind, GenericKubernetesResource desired) {
            return api.resource(kind, desired).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
        }

        @Override
        DryRun dryRun(KubeApi api, ApiKind kind, GenericKubernetesResource desired) {
            try {
                api.resource(kind, desired).dryRun().fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
                return DryRun.accepted();
            } catch (KubernetesClientException e) {
                if (e.getCode() == 415 || e.getCode() == 405) {
                    return DryRun.unsupported("the server does not support server-side apply dry run ("
                            + e.getCode() + ")");
                }
                return DryRun.rejected(api.failure(e, "validate " + KubeApi.describe(kind,
                        desired.getMetadata().getNamespace(), desired.getMetadata().getName())));
            } catch (RuntimeException e) {
                return DryRun.rejected(api.failure(e, "validate " + desired.getKind()));
            }
        }

        @Override
        List<String> verbs(PlannedChange.Action action) {
            return switch (action) {
                case CREATE -> List.of("create", "patch");
                case UPDATE -> List.of("patch");
                case DELETE -> List.of("delete");
                case UNCHANGED -> List.of();
            };
        }
    },

    /**
     * Create, or replace (PUT) what is there: for API servers without server-side apply, and for fabric8's mock in
     * tests. It has no dry run.
     */
    CREATE_OR_UPDATE("create or update") {
        @Override
        GenericKubernetesResource write(KubeApi api, ApiKind kind, GenericKubernetesResource desired) {
            String version = ApiKind.versionOf(desired.getApiVersion());
            GenericKubernetesResource live = api.resource(kind, version, desired.getMetadata().getNamespace(),
                    desired.getMetadata().getName()).get();
            if (live == null) {
                return api.create(kind, desired);
            }
            GenericKubernetesResource copy = Resources.copy(desired);
            copy.getMetadata().setResourceVersion(live.getMetadata().getResourceVersion());
            return api.replace(kind, copy);
        }

        @Override
        DryRun dryRun(KubeApi api, ApiKind kind, GenericKubernetesResource desired) {
            return dryRunAvailable();
        }

        @Override
        DryRun dryRunAvailable() {
            return DryRun.unsupported("this connection writes with create/update, which has no server-side dry run");
        }

        @Override
        List<String> verbs(PlannedChange.Action action) {
            return switch (action) {
                case CREATE -> List.of("create");
                case UPDATE -> List.of("update");
                case DELETE -> List.of("delete");
                case UNCHANGED -> List.of();
            };
        }
    };

    public static final String FIELD_MANAGER = "egress-studio";

    private final String description;

    WriteStrategy(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    public static WriteStrategy serverSideApply() {
        return SERVER_SIDE_APPLY;
    }

    /** Writes the object; throws what the client throws. */
    abstract GenericKubernetesResource write(KubeApi api, ApiKind kind, GenericKubernetesResource desired);

    abstract DryRun dryRun(KubeApi api, ApiKind kind, GenericKubernetesResource desired);

    /** Whether dry run can be used at all, before any object is tried (the server may still refuse it). */
    DryRun dryRunAvailable() {
        return DryRun.accepted();
    }

    /** The RBAC verbs a change needs with this strategy. */
    abstract List<String> verbs(PlannedChange.Action action);

    /** What server-side dry run said about one object. */
    record DryRun(boolean supported, ClusterException rejection, String note) {
        static DryRun accepted() {
            return new DryRun(true, null, null);
        }

        static DryRun rejected(ClusterException rejection) {
            return new DryRun(true, rejection, null);
        }

        static DryRun unsupported(String note) {
            return new DryRun(false, null, note);
        }
    }
}
