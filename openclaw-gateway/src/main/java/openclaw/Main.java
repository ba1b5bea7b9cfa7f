package openclaw;

import openclaw.cli.Cli;

/** Entry point of the {@code openclaw} command: runs the command line and exits with its code. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        int code = Cli.execute(args, System.getenv(), System.out, System.err);
        System.out.flush();
        System.exit(code);
    }
}
