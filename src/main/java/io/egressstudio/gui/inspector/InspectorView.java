package io.egressstudio.gui.inspector;

import io.egressstudio.gui.inspector.InspectorViewModel.Field;
import io.egressstudio.gui.inspector.InspectorViewModel.Section;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import io.egressstudio.gui.certs.CertificatesView;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Binds the inspector's fields to controls: a text field (committed on Enter or when focus leaves; Escape reverts),
 * a check box or a combo box (committed on change). Each control has the id {@code field-PATH} and its message
 * {@code error-PATH}.
 */
public final class InspectorView {
    private final InspectorViewModel vm;
    private final VBox content = new VBox(6);
    private final ScrollPane scroll = new ScrollPane(content);
    private final HBox header = new HBox(8);
    /** The heading and its actions stay in view; the fields scroll below them. */
    private final BorderPane root = new BorderPane(scroll, header, null, null, null);
    private final Label heading = new Label();
    private final Label explanation = new Label();
    private final Map<String, Control> controls = new HashMap<>();
    private final Button openCertificates = new Button("Certificates…");
    private boolean loading;
    /** The target the form was built for ("" before the first build), to tell a refresh from a new selection. */
    private String builtFor = "";
    /** How far down the form is scrolled, in pixels. */
    private double offset;
    private boolean restoring;
    /**
     * The field the user is at (the focused one, else the first in view) and its distance from the top of the view:
     * when an edit changes the prediction or the messages above it, the form scrolls so that it stays there.
     */
    private String anchor;
    private double anchorY;
    private boolean restoreScheduled;

    public InspectorView(InspectorViewModel vm) {
        this.vm = vm;
        root.setId("inspector-pane");
        scroll.setId("inspector");
        scroll.setFitToWidth(true);
        header.setPadding(new Insets(8, 8, 0, 8));
        content.setPadding(new Insets(8));
        heading.setId("inspector-heading");
        heading.getStyleClass().add("panel-title");
        heading.textProperty().bind(vm.headingProperty());
        explanation.setId("inspector-explanation");
        explanation.getStyleClass().add("explanation");
        explanation.setWrapText(true);
        explanation.textProperty().bind(vm.explanationProperty());
        explanation.managedProperty().bind(explanation.textProperty().isNotEmpty());
        explanation.visibleProperty().bind(explanation.managedProperty());
        openCertificates.setId("open-certificates");
        openCertificates.setMinWidth(Region.USE_PREF_SIZE);
        openCertificates.setTooltip(new Tooltip("The scenario's certificates: subjects, SANs, expiry; issue them"));
        openCertificates.setOnAction(e -> new CertificatesView(vm.certificates()).open(root.getScene() == null ? null
                : root.getScene().getWindow()));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        header.getChildren().addAll(heading, gap, openCertificates);
        header.setAlignment(Pos.CENTER_LEFT);
        heading.setWrapText(true);
        vm.sectionsProperty().addListener((o, a, b) -> build(b));
        vm.focusRequestProperty().addListener((o, a, b) -> focus(b));
        // an edit changes the explanation and the messages above the field being edited: keep that field in place
        scroll.vvalueProperty().addListener((o, a, b) -> {
            if (!restoring) {
                offset = b.doubleValue() * scrollable();
                rememberAnchor();
            }
        });
        content.heightProperty().addListener((o, a, b) -> restoreAnchorLater());
        scroll.viewportBoundsProperty().addListener((o, a, b) -> restoreAnchorLater());
        scroll.sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                scene.focusOwnerProperty().addListener((fo, was, now) -> {
                    if (now != null && controls.containsValue(now)) {
                        rememberAnchor();
                    }
                });
            }
        });
        build(vm.sectionsProperty().get());
    }

    private double scrollable() {
        return Math.max(0, content.getHeight() - scroll.getViewportBounds().getHeight());
    }

    private void rememberAnchor() {
        Node focused = scroll.getScene() == null ? null : scroll.getScene().getFocusOwner();
        String chosen = null;
        double chosenY = 0;
        for (Map.Entry<String, Control> e : controls.entrySet()) {
            double y = yInForm(e.getValue()) - offset;
            if (e.getValue() == focused) {
                chosen = e.getKey();
                chosenY = y;
                break;
            }
            if (y >= 0 && (chosen == null || y < chosenY)) {
                chosen = e.getKey();
                chosenY = y;
            }
        }
        anchor = chosen;
        anchorY = chosenY;
    }

    /** After the form's layout has settled: scrolls the anchor back to where it was in the view. */
    private void restoreAnchorLater() {
        if (restoreScheduled) {
            return;
        }
        restoreScheduled = true;
        Platform.runLater(() -> {
            restoreScheduled = false;
            Control at = anchor == null ? null : controls.get(anchor);
            if (at != null) {
                scroll.layout();
                offset = Math.max(0, Math.min(yInForm(at) - anchorY, scrollable()));
            }
            scrollTo(offset);
        });
    }

    private double yInForm(Node node) {
        return content.sceneToLocal(node.localToScene(node.getBoundsInLocal())).getMinY();
    }

    /** Scrolls so that the form's top {@code pixels} are above the view (as far as the form is tall enough). */
    private void scrollTo(double pixels) {
        double range = scrollable();
        restoring = true;
        scroll.setVvalue(range <= 0 ? 0 : Math.min(1, Math.max(0, pixels / range)));
        restoring = false;
    }

    public Node root() {
        return root;
    }

    private void build(List<Section> sections) {
        String target = String.valueOf(vm.targetId());
        if (!target.equals(builtFor)) {
            // another element: its form starts at the top; the same element rebuilt keeps its place
            offset = 0;
            anchor = null;
        }
        builtFor = target;
        controls.clear();
        content.getChildren().setAll(explanation);
        for (Section section : sections) {
            Label title = new Label(section.title());
            title.getStyleClass().add("panel-title");
            GridPane grid = new GridPane();
            grid.setHgap(8);
            grid.setVgap(2);
            ColumnConstraints labels = new ColumnConstraints();
            labels.setMinWidth(110);
            ColumnConstraints values = new ColumnConstraints();
            values.setHgrow(Priority.ALWAYS);
            values.setFillWidth(true);
            grid.getColumnConstraints().addAll(labels, values);
            int row = 0;
            for (Field f : section.fields()) {
                Label label = new Label(f.spec().label());
                if (f.spec().help() != null) {
                    label.setTooltip(new Tooltip(f.spec().help()));
                }
                Control control = control(f);
                control.setId(f.spec().controlId());
                control.setMaxWidth(Double.MAX_VALUE);
                controls.put(f.spec().path(), control);
                Label error = new Label();
                error.setId("error-" + f.spec().path().replace('.', '-'));
                error.getStyleClass().add("field-error");
                error.setWrapText(true);
                error.textProperty().bind(f.errorProperty());
                error.managedProperty().bind(f.errorProperty().isNotEmpty());
                error.visibleProperty().bind(error.managedProperty());
                grid.add(label, 0, row);
                grid.add(f.creates() == null ? control : withCreateButton(f, control), 1, row++);
                grid.add(error, 1, row++);
            }
            content.getChildren().addAll(title, grid);
        }
        scrollTo(offset);
    }

    /** A certificate field with a button under it that adds a new certificate (with defaults from the design) and picks it. */
    private Node withCreateButton(Field f, Control control) {
        Button create = new Button(switch (f.creates()) {
            case CA -> "New CA";
            case CLIENT -> "New client certificate";
            case SERVER -> "New server certificate";
        });
        create.setId("new-certificate-" + f.spec().path().replace('.', '-'));
        create.setTooltip(new Tooltip("Adds a certificate description to the scenario, named after the design, and "
                + "selects it here. Issue it in Certificates…; its key never goes into the scenario file."));
        create.setMinWidth(Region.USE_PREF_SIZE);
        create.setOnAction(e -> vm.createCertificate(f));
        create.getStyleClass().add("small");
        // under the field, not beside it: the inspector is narrow and the field keeps its width
        VBox box = new VBox(2, control, create);
        box.setFillWidth(true);
        return box;
    }

    private Control control(Field f) {
        switch (f.spec().type()) {
            case BOOL -> {
                CheckBox box = new CheckBox();
                box.setSelected(Boolean.parseBoolean(f.textProperty().get()));
                f.textProperty().addListener((o, a, b) -> {
                    loading = true;
                    box.setSelected(Boolean.parseBoolean(b));
                    loading = false;
                });
                box.selectedProperty().addListener((o, a, b) -> {
                    if (!loading && !vm.commit(f, String.valueOf(b))) {
                        loading = true;
                        box.setSelected(a);
                        loading = false;
                    }
                });
                return box;
            }
            case CHOICE -> {
                ComboBox<String> combo = new ComboBox<>(f.choices());
                if (f.spec().emptyText() != null) {
                    String shown = "(" + f.spec().emptyText() + ")";
                    combo.setCellFactory(list -> new EmptyAware(shown));
                    combo.setButtonCell(new EmptyAware(shown));
                }
                combo.setValue(f.textProperty().get());
                // new choices (a certificate added elsewhere) must not clear the value shown
                f.choices().addListener((javafx.collections.ListChangeListener<String>) c -> Platform.runLater(() -> {
                    if (!java.util.Objects.equals(combo.getValue(), f.textProperty().get())) {
                        loading = true;
                        combo.setValue(f.textProperty().get());
                        loading = false;
                    }
                }));
                f.textProperty().addListener((o, a, b) -> {
                    loading = true;
                    combo.setValue(b);
                    loading = false;
                });
                combo.valueProperty().addListener((o, a, b) -> {
                    if (!loading && b != null && !b.equals(f.textProperty().get())) {
                        if (!vm.commit(f, b)) {
                            Platform.runLater(() -> {
                                loading = true;
                                combo.setValue(f.textProperty().get());
                                loading = false;
                            });
                        }
                    }
                });
                return combo;
            }
            case AREA, ACCESS_RULES -> {
                TextArea area = new TextArea();
                area.setPrefRowCount(3);
                area.setWrapText(true);
                bindText(area, f);
                return area;
            }
            default -> {
                TextField field = new TextField();
                bindText(field, f);
                field.setOnAction(e -> vm.commit(f, field.getText()));
                return field;
            }
        }
    }

    private void bindText(TextInputControl input, Field f) {
        input.setText(f.textProperty().get());
        f.textProperty().addListener((o, a, b) -> input.setText(b));
        input.focusedProperty().addListener((o, had, has) -> {
            if (had && !has && !input.getText().equals(f.textProperty().get())) {
                vm.commit(f, input.getText());
            }
        });
        input.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                input.setText(f.textProperty().get());
                f.errorProperty().set("");
            }
        });
    }

    private void focus(String path) {
        if (path == null) {
            return;
        }
        Control control = controls.get(path);
        if (control == null) {
            // a finding may name a field inside a list or a nested object: focus the closest field we have
            String closest = "";
            for (Map.Entry<String, Control> e : controls.entrySet()) {
                if (path.startsWith(e.getKey()) && e.getKey().length() > closest.length()) {
                    closest = e.getKey();
                    control = e.getValue();
                }
            }
        }
        if (control != null) {
            Control target = control;
            Platform.runLater(() -> {
                target.requestFocus();
                // the whole cell: a certificate field's "New …" button is under it
                reveal(target.getParent() instanceof GridPane ? target : target.getParent());
            });
        }
    }

    /** Scrolls the least needed for the node (and the message under it) to be in view. */
    private void reveal(Node node) {
        scroll.layout();
        Bounds bounds = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        double viewport = scroll.getViewportBounds().getHeight();
        double margin = 24;
        double top = offset;
        if (bounds.getMinY() - margin < top) {
            top = bounds.getMinY() - margin;
        } else if (bounds.getMaxY() + margin > top + viewport) {
            top = bounds.getMaxY() + margin - viewport;
        } else {
            return;
        }
        offset = Math.max(0, Math.min(top, scrollable()));
        scrollTo(offset);
        rememberAnchor();
    }

    /** A choice cell that shows what the empty choice means. */
    private static final class EmptyAware extends javafx.scene.control.ListCell<String> {
        private final String emptyText;

        EmptyAware(String emptyText) {
            this.emptyText = emptyText;
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            boolean unset = !empty && (item == null || item.isEmpty());
            setText(empty ? null : unset ? emptyText : item);
            setStyle(unset ? "-fx-opacity: 0.7;" : null);
        }
    }

    /** The control for a field path, for tests and the findings pane. */
    public Control control(String path) {
        return controls.get(path);
    }
}
