package openclaw;

/** Entry point of the {@code openclaw} command. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.out.println("openclaw");
    }
}
