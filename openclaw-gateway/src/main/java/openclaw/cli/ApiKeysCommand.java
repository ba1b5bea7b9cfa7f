package openclaw.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import openclaw.openai.ApiKeys;
import openclaw.openai.Scope;
import openclaw.sdk.OpenClawException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code openclaw apikeys create|list|revoke}: keys for the OpenAI-compatible API, kept (hashed) in the configured
 * store. A key is printed once, at creation. A running gateway sees changes within seconds.
 */
@Command(
        name = "apikeys",
        description = "Create, list and revoke API keys for the OpenAI-compatible API (/v1).",
        subcommands = {ApiKeysCommand.Create.class, ApiKeysCommand.ListKeys.class, ApiKeysCommand.Revoke.class})
final class ApiKeysCommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiKeysCommand() {}

    /** What a subcommand does with the keys; returns the exit code. */
    @FunctionalInterface
    interface Action {
        int run(CliContext context, ApiKeys keys);
    }

    static int run(CommandSpec spec, Action action) {
        return SessionsCommand.run(spec, (context, local) -> {
            try {
                return action.run(context, new ApiKeys(local.store().keyValues(), Clock.systemUTC()));
            } catch (OpenClawException e) {
                context.err().println("openclaw: " + e.getMessage());
                return 1;
            }
        });
    }

    /** {@code apikeys create --name N --scope chat|assistants|admin}. */
    @Command(name = "create", description = "Create a key and print it (only this once).")
    static final class Create implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "A unique name for the key.")
        String name;

        @Option(
                names = "--scope",
                defaultValue = "chat",
                paramLabel = "SCOPE",
                description = "chat (models, chat completions, responses), assistants, or admin (everything).")
        String scope;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() {
            Optional<Scope> parsed = Scope.parse(scope);
            if (parsed.isEmpty()) {
                CliContext context = OpenClawCommand.contextOf(spec);
                context.err().println("openclaw: unknown scope '" + scope + "'; use chat, assistants or admin");
                return 2;
            }
            return run(spec, (context, keys) -> {
                ApiKeys.Created created = keys.create(name, parsed.get());
                if (json) {
                    context.out()
                            .println(JSON.createObjectNode()
                                    .put("name", created.key().name())
                                    .put("scope", created.key().scope().label())
                                    .put("key", created.secret())
                                    .toPrettyString());
                } else {
                    context.out().println(created.secret());
                    context.err()
                            .println("created API key '" + name + "' (scope "
                                    + parsed.get().label()
                                    + "). It is shown only now: store it safely. Use it as"
                                    + " 'Authorization: Bearer <key>' against http://<gateway>/v1.");
                }
                return 0;
            });
        }
    }

    /** {@code apikeys list}. */
    @Command(name = "list", description = "Keys by name (never the secret).")
    static final class ListKeys implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() {
            return run(spec, (context, keys) -> {
                List<ApiKeys.ApiKey> all = keys.list();
                if (json) {
                    ArrayNode arr = JSON.createArrayNode();
                    all.forEach(k -> arr.addObject()
                            .put("name", k.name())
                            .put("scope", k.scope().label())
                            .put("createdAt", k.createdAt().toString())
                            .put("hint", k.hint()));
                    context.out().println(arr.toPrettyString());
                } else if (all.isEmpty()) {
                    context.out().println("no API keys; create one with: openclaw apikeys create --name NAME");
                } else {
                    all.forEach(k -> context.out()
                            .println(k.name() + "  " + k.scope().label() + "  " + k.hint() + "  created "
                                    + k.createdAt()));
                }
                return 0;
            });
        }
    }

    /** {@code apikeys revoke NAME}. */
    @Command(name = "revoke", description = "Revoke a key by name.")
    static final class Revoke implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Parameters(paramLabel = "NAME", arity = "0..1", description = "The key's name.")
        String positional;

        @Option(names = "--name", paramLabel = "NAME", description = "The key's name.")
        String name;

        @Override
        public Integer call() {
            String target = name != null ? name : positional;
            if (target == null) {
                OpenClawCommand.contextOf(spec).err().println("openclaw: name the key: openclaw apikeys revoke NAME");
                return 2;
            }
            return run(spec, (context, keys) -> {
                if (!keys.revoke(target)) {
                    context.err().println("openclaw: no API key named '" + target + "'; see: openclaw apikeys list");
                    return 1;
                }
                context.out().println("revoked API key '" + target + "'");
                return 0;
            });
        }
    }
}
