package dev.labdesk.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/** The desktop window. Minimal until the desktop issue lands. */
public final class LabdeskApp extends Application {

    static volatile Path target = Path.of(".");

    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        BorderPane root = new BorderPane(new Label("LabDesk — " + target.toAbsolutePath().normalize()));
        stage.setTitle("LabDesk");
        stage.setScene(new Scene(root, 1100, 720));
        stage.show();
    }

    static String darkTheme() {
        return new PrimerDark().getUserAgentStylesheet();
    }
}
