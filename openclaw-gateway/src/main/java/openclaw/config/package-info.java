/**
 * Configuration: the immutable {@link openclaw.config.OpenClawConfig} record tree (one file per block), the TOML
 * loader with migrations, {@code ${env:NAME}} references and all-at-once validation, the comment-preserving
 * {@link openclaw.config.ConfigEditor}, {@link openclaw.config.ConfigQuery} and the hot-reload watcher.
 * May depend on {@code openclaw.sdk} only. Invariants: no null escapes a record, collections are copied on the way
 * in, every issue carries its dotted key path, and no message or {@code toString()} ever contains a secret value.
 */
package openclaw.config;
