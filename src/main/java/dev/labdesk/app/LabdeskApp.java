package dev.labdesk.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.labdesk.app.library.LibraryView;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;

/**
 * The desktop window: the course library on the left, the selected lab or note on the right.
 * Minimal until the desktop issue lands; loading runs off the FX thread.
 */
public final class LabdeskApp extends Application {

    static volatile Path target = Path.of(".");

    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "labdesk-background");
        t.setDaemon(true);
        return t;
    });
    private boolean dark;

    @Override
    public void start(Stage stage) {
        applyTheme();
        LibraryView library = new LibraryView(target, background, this::toggleTheme);
        Scene scene = new Scene(library.root(), 1100, 720);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN), this::toggleTheme);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN), library::reload);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), library::reload);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), stage::close);
        stage.setTitle("LabDesk");
        stage.setScene(scene);
        stage.show();
        stage.requestFocus();
        library.reload();
    }

    @Override
    public void stop() {
        background.shutdownNow();
    }

    private void toggleTheme() {
        dark = !dark;
        applyTheme();
    }

    private void applyTheme() {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }
}
