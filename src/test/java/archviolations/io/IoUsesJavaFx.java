package archviolations.io;

/** Violates: only gui uses JavaFX. */
public final class IoUsesJavaFx {
    public javafx.beans.property.StringProperty title() {
        return new javafx.beans.property.SimpleStringProperty("x");
    }
}
