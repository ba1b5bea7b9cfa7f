package openclaw.cli;

/** One line of the doctor's report: what was checked, the verdict, what was found and how to fix it. */
record DoctorCheck(String name, Verdict verdict, String detail, String fix) {

    /** Outcome of a check; any {@link #FAIL} makes {@code doctor} exit 1. */
    enum Verdict {
        OK,
        WARN,
        FAIL
    }

    static DoctorCheck ok(String name, String detail) {
        return new DoctorCheck(name, Verdict.OK, detail, "");
    }

    static DoctorCheck warn(String name, String detail, String fix) {
        return new DoctorCheck(name, Verdict.WARN, detail, fix);
    }

    static DoctorCheck fail(String name, String detail, String fix) {
        return new DoctorCheck(name, Verdict.FAIL, detail, fix);
    }
}
