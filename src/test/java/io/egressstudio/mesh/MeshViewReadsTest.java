package io.egressstudio.mesh;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A prediction is kept after an edit when everything it read of the view answers the same (decision 0022): that holds
 * only if every public method of {@link MeshView} that answers from the view notes what it reads, itself or through
 * another public method. A new method that forgets would let a stale prediction through; this test names it.
 */
class MeshViewReadsTest {
    /** Methods that read nothing a prediction depends on (recording itself, comparing views, keys of a resource). */
    private static final Set<String> NOT_READS = Set.of("recording", "changesFrom", "key", "gatewayRef", "of");

    @Test
    void everyPublicMethodOfTheViewNotesWhatItReads() {
        JavaClass view = new ClassFileImporter().importClass(MeshView.class);
        List<String> silent = new ArrayList<>();
        for (JavaMethod method : view.getMethods()) {
            if (!method.getModifiers().contains(JavaModifier.PUBLIC) || NOT_READS.contains(method.getName())) {
                continue;
            }
            boolean notes = false;
            for (JavaMethodCall call : method.getMethodCallsFromSelf()) {
                String target = call.getTarget().getName();
                boolean ownPublic = call.getTargetOwner().isEquivalentTo(MeshView.class)
                        && call.getTarget().resolveMember().map(m -> m.getModifiers().contains(JavaModifier.PUBLIC))
                        .orElse(false);
                notes |= target.startsWith("noteRead") || ownPublic;
            }
            if (!notes) {
                silent.add(method.getFullName());
            }
        }
        assertThat(silent).as("public methods of MeshView that read without noting it").isEmpty();
    }
}
