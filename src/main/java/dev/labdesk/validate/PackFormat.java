package dev.labdesk.validate;

import dev.labdesk.kind.KindRegistry;
import dev.labdesk.pack.schema.Shape;
import dev.labdesk.pack.schema.Shapes;
import java.util.Map;

/** The shapes of the format's own YAML: pack.yaml, front matter, quiz, hint and solution blocks. */
final class PackFormat {

    private PackFormat() {
    }

    static Shape.Obj manifest(KindRegistry registry) {
        Shapes.ObjBuilder b = Shapes.obj()
                .required("id", Shapes.id(), "names the pack in progress and labels, e.g. containers")
                .required("title", Shapes.nonBlank())
                .required("version", Shapes.nonBlank(), "bump it when labs change; progress keeps its history")
                .optional("description", Shapes.text())
                .optional("authors", Shapes.listOrOne(Shapes.text()))
                .optional("license", Shapes.text())
                .optional("requires", Shapes.listOrOne(Shapes.text()), "what every lab needs, e.g. [docker]")
                .optional("labs", Shapes.listOf(Shapes.id()), "lab ids in the order learners take them");
        for (Map.Entry<String, Shape.Field> f : registry.packFields().entrySet()) {
            b.optional(f.getKey(), f.getValue().shape(), f.getValue().doc());
        }
        return b.open().build();
    }

    static final Shape.Obj FRONT_MATTER = Shapes.obj()
            .required("id", Shapes.id(), "unique in the pack, e.g. build-image")
            .required("title", Shapes.nonBlank())
            .optional("summary", Shapes.text())
            .optional("requires", Shapes.listOrOne(Shapes.text()))
            .optional("estimate", Shapes.text(), "how long it takes, e.g. 20m")
            .optional("tags", Shapes.listOrOne(Shapes.text()))
            .optional("order", Shapes.integer(), "position when pack.yaml does not list labs")
            .open()
            .build();

    static final Shape.Obj QUIZ = Shapes.obj()
            .optional("id", Shapes.id())
            .required("question", Shapes.nonBlank())
            .required("choices", Shapes.listOf(Shapes.nonBlank()), "two or more answers to pick from")
            .required("answer", Shapes.listOrOne(Shapes.nonBlank()), "the text of the right choice (or a list of them)")
            .optional("explain", Shapes.text(), "shown after answering")
            .build();

    static final Shape HINT = Shapes.oneOf("a text, or a mapping with title and text",
            Shapes.nonBlank(),
            Shapes.obj().optional("title", Shapes.text()).required("text", Shapes.nonBlank()).build());

    static final Shape.Obj SOLUTION = Shapes.obj()
            .optional("text", Shapes.text(), "explanation shown with the solution")
            .optional("file", Shapes.relativePath(), "a file in solutions/<lab>/ to show")
            .build();

    static final Shape SOLUTION_ANY = Shapes.oneOf("a text, or a mapping with text and file", Shapes.nonBlank(), SOLUTION);

    static final Shape ID = Shapes.id();
    static final Shape TITLE = Shapes.text();
    static final Shape DURATION = Shapes.duration();
}
