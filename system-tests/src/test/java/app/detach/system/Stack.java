package app.detach.system;

import app.detach.local.LocalStack;
import app.detach.local.StackOptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Path;

/**
 * Starts the whole stack once per test run with the launcher's own code (the same code behind
 * ./run.sh), on a fresh data directory under target/, and stops it when the run ends.
 */
public final class Stack implements BeforeAllCallback {

    private static LocalStack stack;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Stack.class, key -> start(), Started.class);
    }

    public static LocalStack get() {
        if (stack == null) {
            throw new IllegalStateException("the stack is not started: annotate the test with @ExtendWith(Stack.class)");
        }
        return stack;
    }

    private static Started start() {
        Path root = Path.of(System.getProperty("detach.repo.root", "..")).toAbsolutePath().normalize();
        stack = LocalStack.start(StackOptions.defaults()
                .withRepoRoot(root)
                .withDataDir(root.resolve("system-tests/target/stack-data"))
                .fresh(true));
        return new Started();
    }

    /** Closes the stack when JUnit closes the root store, i.e. after the last test class. */
    private static final class Started implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            stack.close();
        }
    }
}
