package openclaw.config;

import java.util.List;

/**
 * A config block that checks its own ranges and formats after binding. The loader finds every block in the record
 * tree reflectively, so adding a block never changes the loader. Implementations add one issue per problem and never
 * put secret values into messages.
 */
interface ValidatedBlock {

    /**
     * Adds the problems of this block (not of nested blocks, which are visited separately).
     *
     * @param path dotted path of this block, e.g. {@code gateway}
     * @param issues sink for errors, positioned later by the loader
     */
    void collectIssues(String path, List<ConfigIssue> issues);
}
