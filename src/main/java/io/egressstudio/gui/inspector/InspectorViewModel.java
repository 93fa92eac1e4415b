package io.egressstudio.gui.inspector;

import io.egressstudio.design.DesignAnalysis;
import io.egressstudio.design.ElementPatch;
import io.egressstudio.design.LinkPrediction;
import io.egressstudio.design.ScenarioEdits;
import io.egressstudio.gui.certs.CertificateDescriptions;
import io.egressstudio.gui.certs.CertificateDrafts;
import io.egressstudio.gui.certs.CertificateStore;
import io.egressstudio.gui.certs.CertificatesViewModel;
import io.egressstudio.gui.document.Edit;
import io.egressstudio.gui.window.MainViewModel;
import io.egressstudio.model.CertificateKind;
import io.egressstudio.model.CertificateSpec;
import io.egressstudio.model.Element;
import io.egressstudio.model.ElementCollection;
import io.egressstudio.model.Link;
import io.egressstudio.model.Problem;
import io.egressstudio.model.Scenario;
import io.egressstudio.model.ScenarioValidator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The inspector's state: the fields of the one selected element (or of the scenario when nothing is selected), each
 * with its text and its validation message, and the predicted explanation for a link. {@link #commit} turns a field's
 * text into an edit, after checking it with the file format's rules and {@link ScenarioValidator}: a value that would
 * make the scenario invalid is not applied, and the field shows why.
 */
public final class InspectorViewModel {
    /** One field as the view binds it. */
    public static final class Field {
        private final FieldSpec spec;
        private final StringProperty text = new SimpleStringProperty();
        private final StringProperty error = new SimpleStringProperty("");
        private final ObservableList<String> choices = FXCollections.observableArrayList();
        private final CertificateKind creates;

        Field(FieldSpec spec, CertificateKind creates) {
            this.spec = spec;
            this.creates = creates;
        }

        /** The kind of certificate this field names, which the inspector offers to create; null for other fields. */
        public CertificateKind creates() {
            return creates;
        }

        public FieldSpec spec() {
            return spec;
        }

        public StringProperty textProperty() {
            return text;
        }

        public StringProperty errorProperty() {
            return error;
        }

        public ObservableList<String> choices() {
            return choices;
        }
    }

    /** A titled group of fields. */
    public record Section(String title, List<Field> fields) {
    }

    private final MainViewModel main;
    private final CertificateStore certificates;
    private CertificatesViewModel certificatesWindow;
    private final ReadOnlyObjectWrapper<List<Section>> sections = new ReadOnlyObjectWrapper<>(this, "sections", List.of());
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper(this, "heading", "");
    private final ReadOnlyStringWrapper explanation = new ReadOnlyStringWrapper(this, "explanation", "");
    private final ReadOnlyStringWrapper focusRequest = new ReadOnlyStringWrapper(this, "focusRequest");
    private String targetId;
    private List<String> structure = List.of();

    public InspectorViewModel(MainViewModel main) {
        this(main, CertificateStore.defaultStore());
    }

    /** @param certificates where the scenario's certificates are issued (and read back for their expiry) */
    public InspectorViewModel(MainViewModel main, CertificateStore certificates) {
        this.main = main;
        this.certificates = certificates;
        main.selection().ids().addListener((javafx.collections.ListChangeListener<String>) c -> refresh());
        main.shownProperty().addListener((o, a, b) -> refresh());
        main.analysisProperty().addListener((o, a, b) -> refreshAnalysis());
        main.selection().focusFieldProperty().addListener((o, a, b) -> {
            if (b != null) {
                focusRequest.set(null);
                focusRequest.set(b);
            }
        });
        refresh();
    }

    /** Rebuilds the field list when the target or its field set changes; otherwise only updates the texts. */
    public void refresh() {
        Scenario s = main.shown();
        List<String> ids = main.selection().ids();
        String id = ids.size() == 1 ? ids.get(0) : null;
        Element element = id == null ? null : s.element(id).orElse(null);
        List<ElementForms.Section> forms;
        if (ids.size() > 1) {
            heading.set(ids.size() + " elements selected");
            forms = List.of();
        } else if (element == null) {
            heading.set("Scenario " + s.name());
            forms = ElementForms.scenario();
        } else {
            heading.set(element.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2") + " " + element.id());
            forms = ElementForms.of(element);
        }
        targetId = element == null ? null : element.id();
        List<String> key = new ArrayList<>();
        key.add(ids.size() > 1 ? "*" : String.valueOf(targetId));
        forms.forEach(f -> f.fields().forEach(spec -> key.add(spec.path())));
        if (!key.equals(structure)) {
            structure = key;
            List<Section> built = new ArrayList<>();
            for (ElementForms.Section f : forms) {
                built.add(new Section(f.title(), f.fields().stream().map(spec -> new Field(spec, element == null ? null
                        : CertificateDrafts.kindFor(element, spec.path()).orElse(null))).toList()));
            }
            load(built, s, element);
            sections.set(List.copyOf(built));
        } else {
            load(sections.get(), s, element);
        }
        refreshAnalysis();
    }

    private void load(List<Section> list, Scenario s, Element element) {
        Object source = element == null ? s : element;
        for (Section section : list) {
            for (Field f : section.fields()) {
                // the choices first: a combo box whose items change after its value may drop that value
                if (f.spec.choices() != null) {
                    List<String> choices = f.spec.choices().apply(s);
                    if (!choices.equals(f.choices)) {
                        update(f.choices, choices);
                    }
                }
                f.text.set(FieldCodec.format(f.spec.type(), ElementPatch.get(source, f.spec.path())));
                f.error.set("");
            }
        }
    }

    /** Only adds when choices were added at the end: a combo box keeps its selection through an addition. */
    private static void update(ObservableList<String> current, List<String> next) {
        if (next.size() > current.size() && next.subList(0, current.size()).equals(current)) {
            current.addAll(next.subList(current.size(), next.size()));
        } else {
            current.setAll(next);
        }
    }

    private void refreshAnalysis() {
        DesignAnalysis a = main.analysis();
        Scenario s = main.shown();
        if (a == null || a.scenario() != s) {
            return;
        }
        String prefix = prefixOf(s, targetId);
        for (Section section : sections.get()) {
            for (Field f : section.fields()) {
                if (!f.error.get().isEmpty() && !f.error.get().startsWith("⚠")) {
                    continue;
                }
                String path = prefix == null ? f.spec.path() : prefix + "." + f.spec.path();
                String messages = a.problems().stream()
                        .filter(p -> p.path().equals(path) || p.path().startsWith(path + "[") || p.path().startsWith(path + "."))
                        .map(Problem::message).collect(Collectors.joining("; "));
                f.error.set(messages.isEmpty() ? "" : "⚠ " + messages);
            }
        }
        Element element = targetId == null ? null : s.element(targetId).orElse(null);
        if (element instanceof Link) {
            LinkPrediction p = a.prediction(targetId);
            explanation.set(p == null ? (a.predictionsReady() ? "" : "No prediction: " + (a.error() != null
                    ? a.error() : "the traffic predictor is not available in this build."))
                    : p.outcome() + "\n" + p.explanationText()
                    + (p.resources().isEmpty() ? "" : "\nDecided by: " + String.join(", ", p.resources())));
        } else if (element instanceof CertificateSpec spec) {
            explanation.set(CertificateDescriptions.issuedText(certificates.issued(s.name(), spec.id()).orElse(null)));
        } else {
            explanation.set("");
        }
    }

    /** {@code meshes[2]} for an element, null for the scenario. */
    static String prefixOf(Scenario s, String id) {
        return id == null ? null : ElementCollection.pathOf(s, id);
    }

    /**
     * Applies a field's new text. Returns false, with the field's error set, when the text does not parse or the
     * scenario would become invalid; the document is then unchanged.
     */
    public boolean commit(Field field, String text) {
        Scenario s = main.shown();
        if (main.readOnlyProperty().get()) {
            field.error.set("A walkthrough step is shown: choose \"As drawn\" to edit.");
            return false;
        }
        String path = field.spec.path();
        Scenario candidate;
        String newId = null;
        try {
            Object value = FieldCodec.parse(field.spec.type(), text);
            if (targetId == null) {
                candidate = ElementPatch.set(s, path, value);
            } else if (path.equals("id")) {
                if (value == null) {
                    throw new IllegalArgumentException("an id is required");
                }
                if (s.element((String) value).isPresent() && !value.equals(targetId)) {
                    throw new IllegalArgumentException("'" + value + "' is already the id of another element");
                }
                newId = (String) value;
                candidate = ScenarioEdits.renameId(s, targetId, newId);
            } else {
                Element element = s.element(targetId).orElseThrow();
                Element patched = value == null && path.endsWith(".mode") && path.indexOf('.') == path.lastIndexOf('.')
                        ? ElementPatch.setField(element, path.substring(0, path.indexOf('.')), null)
                        : ElementPatch.setField(element, path, value);
                candidate = ScenarioEdits.replace(s, targetId, patched);
            }
        } catch (IllegalArgumentException e) {
            field.error.set(e.getMessage());
            return false;
        }
        if (addsProblems(field, s, candidate)) {
            return false;
        }
        field.error.set("");
        Scenario result = candidate;
        String label = (targetId == null ? "scenario" : targetId) + " " + field.spec.label().toLowerCase(java.util.Locale.ROOT);
        boolean changed = main.edit(Edit.of("Set " + label, sc -> result));
        if (changed && newId != null) {
            main.selection().select(newId);
        }
        return true;
    }

    /** Whether the edit would make the scenario invalid in a new way; if so the field says how. */
    private boolean addsProblems(Field field, Scenario s, Scenario candidate) {
        Set<Problem> before = new HashSet<>(problems(s));
        List<Problem> added = ScenarioValidator.validate(candidate).stream().filter(p -> !before.contains(p)).toList();
        if (added.isEmpty()) {
            return false;
        }
        field.error.set(added.stream().map(Problem::message).distinct().collect(Collectors.joining("; ")));
        return true;
    }

    private List<Problem> problems(Scenario s) {
        DesignAnalysis a = main.analysis();
        return a != null && a.scenario() == s ? a.problems() : ScenarioValidator.validate(s);
    }

    /**
     * Adds a new certificate spec for a certificate field (a CA, a client or a server certificate, with defaults from
     * the design) and makes the field name it: one undoable edit. Returns false, with the field's error set, when that
     * cannot be done.
     */
    public boolean createCertificate(Field field) {
        if (field.creates == null || targetId == null) {
            return false;
        }
        if (main.readOnlyProperty().get()) {
            field.error.set("A walkthrough step is shown: choose \"As drawn\" to edit.");
            return false;
        }
        Scenario s = main.shown();
        Element element = s.element(targetId).orElseThrow();
        CertificateDrafts.Draft draft;
        Scenario candidate;
        try {
            draft = CertificateDrafts.draft(s, element, field.spec.path());
            candidate = draft.applyTo(s, targetId, ElementPatch::setField);
        } catch (IllegalArgumentException e) {
            field.error.set(e.getMessage());
            return false;
        }
        if (addsProblems(field, s, candidate)) {
            return false;
        }
        field.error.set("");
        CertificateSpec created = draft.created();
        String what = switch (created.kind()) {
            case CA -> "CA ";
            case CLIENT -> "client certificate ";
            case SERVER -> "server certificate ";
        };
        return main.edit(Edit.of("New " + what + created.id() + " for " + targetId, sc -> candidate));
    }

    public CertificateStore certificateStore() {
        return certificates;
    }

    /** The Certificates window's ViewModel, made on first use; it issues on its own background thread. */
    public CertificatesViewModel certificates() {
        if (certificatesWindow == null) {
            ExecutorService issuing = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "certificates");
                t.setDaemon(true);
                return t;
            });
            certificatesWindow = new CertificatesViewModel(main, certificates, issuing, Platform::runLater);
        }
        return certificatesWindow;
    }

    /** Finds a field by path in the current sections. */
    public Field field(String path) {
        for (Section section : sections.get()) {
            for (Field f : section.fields()) {
                if (f.spec.path().equals(path)) {
                    return f;
                }
            }
        }
        return null;
    }

    public ReadOnlyObjectProperty<List<Section>> sectionsProperty() {
        return sections.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty explanationProperty() {
        return explanation.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty focusRequestProperty() {
        return focusRequest.getReadOnlyProperty();
    }

    public String targetId() {
        return targetId;
    }
}
