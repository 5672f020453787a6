package dev.labdesk.app.library;

import dev.labdesk.course.Course;
import dev.labdesk.pack.Lab;
import dev.labdesk.pack.Note;
import dev.labdesk.pack.Pack;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToolBar;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The course tree (packs → labs, notes) and a reader showing the selected file. */
public final class LibraryView {

    /** What a tree row stands for. */
    private record Entry(String label, Path file) {
        @Override
        public String toString() {
            return label;
        }
    }

    private final Path target;
    private final ExecutorService background;
    private final BorderPane root = new BorderPane();
    private final TreeView<Entry> tree = new TreeView<>();
    private final TextArea reader = new TextArea();
    private final Label status = new Label("Loading…");
    private final ProgressBar progress = new ProgressBar();

    public LibraryView(Path target, ExecutorService background, Runnable toggleTheme) {
        this.target = target;
        this.background = background;
        Button reload = new Button("Reload");
        reload.setOnAction(e -> reload());
        Button theme = new Button("Light / dark");
        theme.setOnAction(e -> toggleTheme.run());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        ToolBar toolbar = new ToolBar(new Label("LabDesk"), spacer, reload, theme);

        tree.setShowRoot(false);
        tree.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> show(item));
        reader.setEditable(false);
        reader.setWrapText(true);
        reader.setStyle("-fx-font-family: monospace;");
        reader.setPromptText("Select a lab or a note on the left.");
        SplitPane split = new SplitPane(tree, reader);
        split.setDividerPositions(0.34);

        progress.setPrefWidth(120);
        progress.managedProperty().bind(progress.visibleProperty());
        HBox statusBar = new HBox(10, progress, status,
                new Label("  Ctrl+D theme · F5 reload · Ctrl+Q quit"));
        statusBar.setPadding(new Insets(4, 8, 4, 8));
        root.setTop(toolbar);
        root.setCenter(split);
        root.setBottom(statusBar);
    }

    public Parent root() {
        return root;
    }

    /** Reads the course off the FX thread, then fills the tree. */
    public void reload() {
        progress.setVisible(true);
        status.setText("Loading " + target.toAbsolutePath().normalize() + "…");
        background.submit(() -> {
            Course course = Course.load(target);
            Platform.runLater(() -> fill(course));
        });
    }

    private void fill(Course course) {
        TreeItem<Entry> top = new TreeItem<>(new Entry("LabDesk", null));
        TreeItem<Entry> labs = new TreeItem<>(new Entry("Labs", null));
        for (Pack pack : course.packs()) {
            TreeItem<Entry> p = new TreeItem<>(new Entry(pack.manifest().title(), pack.manifest().file()));
            for (Lab lab : pack.labs()) {
                p.getChildren().add(new TreeItem<>(new Entry(lab.title(), lab.file())));
            }
            p.setExpanded(true);
            labs.getChildren().add(p);
        }
        TreeItem<Entry> notes = new TreeItem<>(new Entry("Notes", null));
        for (Note note : course.notes()) {
            notes.getChildren().add(new TreeItem<>(new Entry(note.title(), note.file())));
        }
        labs.setExpanded(true);
        notes.setExpanded(true);
        top.getChildren().addAll(labs, notes);
        tree.setRoot(top);
        progress.setVisible(false);
        long errors = course.problems().stream().filter(p -> p.isError()).count();
        status.setText(count(course.packs().size(), "pack") + " · " + count(course.labCount(), "lab") + " · "
                + count(course.notes().size(), "note")
                + (errors == 0 ? "" : " · " + count(errors, "problem") + " (run labdesk validate)"));
    }

    private static String count(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    private void show(TreeItem<Entry> item) {
        Path file = item == null ? null : item.getValue().file();
        if (file == null) {
            return;
        }
        background.submit(() -> {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                text = "Cannot read " + file + ": " + e.getMessage();
            }
            String shown = text;
            Platform.runLater(() -> reader.setText(shown));
        });
    }
}
