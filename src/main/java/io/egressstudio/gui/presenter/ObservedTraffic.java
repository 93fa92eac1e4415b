package io.egressstudio.gui.presenter;

import io.egressstudio.telemetry.LinkObservation;
import java.util.Map;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;

/**
 * Presenter mode, live: what the traffic really does per link. Declared here so the presenter does not depend on the
 * live overlay that supplies it (the main window's session, in {@code gui.live}).
 *
 * <p>Only the observed side of each {@link LinkObservation} is meant: its {@code predicted} and {@code contradicts}
 * are the main window's, while the presenter compares the observation with the prediction of its own current step.
 */
public interface ObservedTraffic {
    /** Each link's newest observation by link id, replaced as a whole per poll (on the UI thread); empty when off. */
    ObservableValue<Map<String, LinkObservation>> observationsProperty();

    /** The session's state in a word or two ("Live", "Stale", "Unreachable", "Replay", "Live off"). */
    ObservableStringValue statusProperty();
}
