package archviolations.model;

import java.util.List;

/** Clean: a record of the model. */
public record Plain(String id, List<String> hosts) {
}
