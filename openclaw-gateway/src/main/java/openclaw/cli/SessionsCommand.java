package openclaw.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import openclaw.config.ConfigException;
import openclaw.server.LocalSessions;
import openclaw.session.SessionException;
import openclaw.session.SessionView;
import openclaw.store.TranscriptEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code openclaw sessions list|show|reset|delete}: the stored sessions, read and changed directly in the configured
 * store (no running gateway needed). Nothing asks for confirmation; every change prints what it did.
 */
@Command(
        name = "sessions",
        description = "List, show, reset and delete stored sessions.",
        subcommands = {
            SessionsCommand.ListSessions.class,
            SessionsCommand.Show.class,
            SessionsCommand.Reset.class,
            SessionsCommand.Delete.class
        })
final class SessionsCommand {

    private SessionsCommand() {}

    /** What a subcommand does with the opened sessions; returns the exit code. */
    @FunctionalInterface
    interface Action {
        int run(CliContext context, LocalSessions local);
    }

    /** Opens the configured store, runs {@code action} and maps the failures every subcommand shares. */
    static int run(CommandSpec spec, Action action) {
        CliContext context = OpenClawCommand.contextOf(spec);
        try (LocalSessions local = LocalSessions.open(context.home(), context.configFile(), context.env())) {
            return action.run(context, local);
        } catch (ConfigException e) {
            e.issues().forEach(i -> context.err().println("error: " + i.describe(context.configFile())));
            return 2;
        } catch (SessionException e) {
            context.err().println("openclaw: " + e.getMessage());
            return e.reason() == SessionException.Reason.INVALID_KEY ? 2 : 1;
        }
    }

    /** Reports an unknown key; exit code 1. */
    static int unknown(CliContext context, LocalSessions local, String key) {
        context.err()
                .println("openclaw: no session '" + key + "' in " + local.describe()
                        + "; see the stored sessions with: openclaw sessions list");
        return 1;
    }

    static String entries(long n) {
        return n + (n == 1 ? " entry" : " entries");
    }

    /** {@code sessions list}: most recently active first. */
    @Command(name = "list", description = "Stored sessions, most recently active first.")
    static final class ListSessions implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Option(names = "--agent", paramLabel = "ID", description = "Only this agent's sessions.")
        String agent;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "100", description = "At most N (default 100).")
        int limit;

        @Override
        public Integer call() {
            if (limit < 0) {
                OpenClawCommand.contextOf(spec).err().println("openclaw: --limit must not be negative");
                return 2;
            }
            return run(spec, (context, local) -> {
                List<SessionView> views = local.sessions().list(limit, Optional.ofNullable(agent));
                if (json) {
                    ObjectNode root = SessionPrinter.MAPPER.createObjectNode().put("count", views.size());
                    ArrayNode sessions = root.putArray("sessions");
                    views.forEach(v -> sessions.add(SessionPrinter.json(v)));
                    context.out().println(root.toPrettyString());
                } else if (views.isEmpty()) {
                    context.out()
                            .println("no sessions" + (agent == null ? "" : " of agent " + agent) + " in "
                                    + local.describe());
                } else {
                    SessionPrinter.table(views).forEach(context.out()::println);
                }
                return 0;
            });
        }
    }

    /** {@code sessions show KEY}: metadata and the current conversation. */
    @Command(name = "show", description = "A session's details and its current conversation.")
    static final class Show implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Parameters(paramLabel = "KEY", description = "Session key, e.g. agent:main:main.")
        String key;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Option(
                names = "--limit",
                paramLabel = "N",
                defaultValue = "50",
                description = "Show the last N messages (default 50).")
        int limit;

        @Override
        public Integer call() {
            if (limit < 0) {
                OpenClawCommand.contextOf(spec).err().println("openclaw: --limit must not be negative");
                return 2;
            }
            return run(spec, (context, local) -> {
                Optional<SessionView> view = local.sessions().find(key);
                if (view.isEmpty()) {
                    return unknown(context, local, key);
                }
                List<TranscriptEntry> messages = local.sessions().history(key, limit);
                if (json) {
                    ObjectNode root = SessionPrinter.MAPPER.createObjectNode();
                    root.set("session", SessionPrinter.json(view.get()));
                    ArrayNode entries = root.putArray("messages");
                    messages.forEach(e -> entries.add(SessionPrinter.json(e)));
                    context.out().println(root.toPrettyString());
                } else {
                    SessionPrinter.details(view.get(), messages).forEach(context.out()::println);
                }
                return 0;
            });
        }
    }

    /** {@code sessions reset KEY}: a new conversation; the old transcript stays stored. */
    @Command(name = "reset", description = "Start a new conversation (the old transcript stays stored).")
    static final class Reset implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Parameters(paramLabel = "KEY", description = "Session key, e.g. agent:main:main.")
        String key;

        @Override
        public Integer call() {
            return run(spec, (context, local) -> {
                if (local.sessions().find(key).isEmpty()) {
                    return unknown(context, local, key);
                }
                SessionView view = local.sessions().reset(key);
                context.out()
                        .println("reset " + key + ": the next message starts a new conversation; the transcript ("
                                + entries(view.session().historyFrom()) + ") stays stored");
                return 0;
            });
        }
    }

    /** {@code sessions delete KEY}: the session and its whole transcript. */
    @Command(name = "delete", description = "Delete a session and its whole transcript.")
    static final class Delete implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Parameters(paramLabel = "KEY", description = "Session key, e.g. agent:main:main.")
        String key;

        @Override
        public Integer call() {
            return run(spec, (context, local) -> {
                Optional<SessionView> view = local.sessions().find(key);
                if (view.isEmpty() || !local.sessions().delete(key)) {
                    return unknown(context, local, key);
                }
                context.out()
                        .println("deleted session " + key + " and its transcript ("
                                + entries(view.get().session().entryCount()) + ")");
                return 0;
            });
        }
    }
}
