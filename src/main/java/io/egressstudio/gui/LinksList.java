package io.egressstudio.gui;

import io.egressstudio.gui.window.MainViewModel;
import io.egressstudio.model.Link;
import io.egressstudio.model.Scenario;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/**
 * The window's list of links (id {@code links}), one row per link of the scenario shown: who calls what, and how.
 * Choosing a row selects the link.
 */
final class LinksList {
    private LinksList() {
    }

    static ListView<String> of(MainViewModel vm) {
        ListView<String> links = new ListView<>();
        links.setId("links");
        links.getStyleClass().addAll("fixed-rows", "link-rows");
        links.setCellFactory(list -> new LinkCell());
        Runnable fill = () -> {
            Scenario s = vm.shown();
            // hosts by service id, once: a lookup per link would scan every service (2,000 links × 400 services)
            Map<String, String> hosts = new HashMap<>();
            s.externalServices().forEach(e -> hosts.put(e.id(), e.primaryHost()));
            List<String> items = new ArrayList<>(s.links().size());
            for (Link link : s.links()) {
                String host = hosts.get(link.to());
                items.add(describe(link, host != null ? host : link.to()));
            }
            if (!items.equals(links.getItems())) {
                links.getItems().setAll(items);
            }
        };
        // most edits keep the links and services lists (records are immutable): then the rows cannot have changed
        vm.shownProperty().addListener((o, a, b) -> {
            if (a == null || a.links() != b.links() || a.externalServices() != b.externalServices()) {
                fill.run();
            }
        });
        fill.run();
        links.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
            int i = b.intValue();
            if (i >= 0 && i < vm.shown().links().size() && links.isFocused()) {
                vm.selection().select(vm.shown().links().get(i).id());
            }
        });
        return links;
    }

    /**
     * A row of the links list on two lines, the caller above and where it calls below, so that a narrow list still
     * shows both (the whole row is the tooltip).
     */
    private static final class LinkCell extends javafx.scene.control.ListCell<String> {
        private final Label caller = new Label();
        private final Label target = new Label();
        private final VBox lines = new VBox(caller, target);

        LinkCell() {
            target.getStyleClass().add("link-row-target");
            caller.setMinWidth(0);
            target.setMinWidth(0);
            // a host too long for the list loses its middle, never its port: the whole call is the tooltip
            target.setTextOverrun(javafx.scene.control.OverrunStyle.CENTER_ELLIPSIS);
            setTooltip(new Tooltip());
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            int arrow = item.indexOf(" → ");
            caller.setText(arrow < 0 ? item : item.substring(0, arrow));
            target.setText(arrow < 0 ? "" : "→ " + hostAndPort(item.substring(arrow + 3)));
            getTooltip().setText(item);
            setText(null);
            setGraphic(lines);
        }
    }

    /** {@code host:port} (and " via gateway") of {@code scheme://host:port/path via gateway}. */
    static String hostAndPort(String call) {
        int scheme = call.indexOf("://");
        String rest = scheme < 0 ? call : call.substring(scheme + 3);
        int via = rest.indexOf(" via ");
        String address = via < 0 ? rest : rest.substring(0, via);
        int path = address.indexOf('/');
        return (path < 0 ? address : address.substring(0, path)) + (via < 0 ? "" : rest.substring(via));
    }

    /** A link as the list shows it: {@code from → scheme://host:port/path via gateway}. */
    static String describe(Scenario scenario, Link link) {
        return describe(link, scenario.externalService(link.to()).map(s -> s.primaryHost()).orElse(link.to()));
    }

    private static String describe(Link link, String host) {
        String via = link.via() == null ? "" : " via " + link.via();
        return link.from() + " → " + link.app().scheme() + "://" + host + ":" + link.port() + link.path() + via;
    }
}
