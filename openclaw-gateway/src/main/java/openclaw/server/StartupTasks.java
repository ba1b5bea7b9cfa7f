package openclaw.server;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/** Runs start-up work on its own virtual thread so storage and the HTTP listener come up in parallel. */
final class StartupTasks {

    private StartupTasks() {}

    static <T> Future<T> submit(Callable<T> task) {
        FutureTask<T> future = new FutureTask<>(task);
        Thread.ofVirtual().name("openclaw-startup").start(future);
        return future;
    }

    /** Waits for a task whose result does not matter (a warm-up); its failure is ignored. */
    static void await(Future<?> future) {
        try {
            future.get();
        } catch (ExecutionException e) { // the real work after it reports problems with context
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Closes the result of a start-up task that is no longer wanted, once it finishes. */
    static void closeWhenDone(Future<? extends AutoCloseable> future) {
        Thread.ofVirtual().name("openclaw-startup-abandon").start(() -> {
            try {
                future.get().close();
            } catch (Exception ignored) { // the start already failed; this only releases resources
            }
        });
    }
}
