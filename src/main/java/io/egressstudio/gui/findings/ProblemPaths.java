package io.egressstudio.gui.findings;

import io.egressstudio.model.Element;
import io.egressstudio.model.ElementCollection;
import io.egressstudio.model.Scenario;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A validation problem's path ({@code links[2].sidecarTls.sni}) → the element id and the field path in it. */
final class ProblemPaths {
    private static final Pattern PATH = Pattern.compile("(\\w+)\\[(\\d+)]\\.?([\\w.]*).*");

    private ProblemPaths() {
    }

    static String[] target(Scenario s, String path) {
        Matcher m = PATH.matcher(path);
        if (!m.matches()) {
            return new String[] {null, path};
        }
        List<? extends Element> list = ElementCollection.named(m.group(1)).map(c -> c.of(s)).orElse(null);
        int index = Integer.parseInt(m.group(2));
        if (list == null || index >= list.size()) {
            return new String[] {null, path};
        }
        String field = m.group(3).isEmpty() ? null : m.group(3);
        return new String[] {list.get(index).id(), field};
    }
}
