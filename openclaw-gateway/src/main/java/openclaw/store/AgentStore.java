package openclaw.store;

import java.util.List;
import java.util.Optional;

/**
 * Agents and the bindings that route channel accounts to them. Bindings have no foreign key to agents: an agent
 * defined only in config can be bound. Thread-safe.
 */
public interface AgentStore {

    /** Inserts or renames an agent; {@code createdAt} is kept on update, {@code updatedAt} set to now. */
    AgentRecord upsert(String id, String displayName);

    /** The agent with this id. */
    Optional<AgentRecord> find(String id);

    /** All agents ordered by id. */
    List<AgentRecord> list();

    /** Deletes the agent row (its bindings stay); true when a row was deleted. */
    boolean delete(String id);

    /**
     * Binds a channel account ({@code ""} for the whole channel) to an agent. Idempotent: binding again returns the
     * existing binding with its original {@code createdAt}.
     */
    Binding bind(String agentId, String channel, String accountId);

    /** Removes one binding; true when it existed. */
    boolean unbind(String agentId, String channel, String accountId);

    /** All bindings ordered by channel, account id, then agent id. */
    List<Binding> listBindings();
}
