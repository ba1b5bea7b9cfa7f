package openclaw.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Cursor pagination of the Assistants lists (protocols.md §5.3): {@code limit} 1–100 (default 20), {@code order}
 * {@code asc}|{@code desc} (default {@code desc}) by creation, {@code after}/{@code before} object ids. Ids sort in
 * creation order ({@link AssistantJson#newId}), so a cursor is compared rather than looked up: paging goes on
 * correctly when the cursor's object was deleted meanwhile. Stateless.
 */
final class AssistantLists {

    private AssistantLists() {}

    /**
     * One page of {@code items}.
     *
     * @param ascending every item, oldest first
     * @param id the id of an item
     * @param view the public JSON of an item
     */
    static <T> ObjectNode page(ApiCall call, List<T> ascending, Function<T, String> id, Function<T, JsonNode> view) {
        int limit = limit(call.exchange().query("limit"));
        boolean desc = desc(call.exchange().query("order"));
        Optional<String> after = call.exchange().query("after").filter(s -> !s.isBlank());
        Optional<String> before = call.exchange().query("before").filter(s -> !s.isBlank());
        List<T> ordered = new ArrayList<>(ascending);
        if (desc) {
            Collections.reverse(ordered);
        }
        List<T> window = ordered.stream()
                .filter(t -> after.map(a -> follows(id.apply(t), a, desc)).orElse(true))
                .filter(t -> before.map(b -> follows(b, id.apply(t), desc)).orElse(true))
                .toList();
        List<T> page;
        boolean hasMore;
        if (before.isPresent() && after.isEmpty()) {
            // the page right before the cursor, still in list order
            int from = Math.max(0, window.size() - limit);
            page = window.subList(from, window.size());
            hasMore = from > 0;
        } else {
            page = window.subList(0, Math.min(limit, window.size()));
            hasMore = window.size() > limit;
        }
        ObjectNode body = AssistantJson.object().put("object", "list");
        ArrayNode data = body.putArray("data");
        page.forEach(t -> data.add(view.apply(t)));
        body.put("first_id", page.isEmpty() ? null : id.apply(page.getFirst()));
        body.put("last_id", page.isEmpty() ? null : id.apply(page.getLast()));
        body.put("has_more", hasMore);
        return body;
    }

    /** Whether {@code later} comes after {@code earlier} in a list of the given order. */
    private static boolean follows(String later, String earlier, boolean desc) {
        int c = later.compareTo(earlier);
        return desc ? c < 0 : c > 0;
    }

    private static int limit(Optional<String> text) {
        if (text.isEmpty() || text.get().isBlank()) {
            return 20;
        }
        int limit;
        try {
            limit = Integer.parseInt(text.get().strip());
        } catch (NumberFormatException e) {
            throw ApiError.invalid("limit", "Invalid 'limit': expected an integer, got '" + text.get() + "'.");
        }
        if (limit < 1 || limit > 100) {
            throw ApiError.invalid(
                    "limit", "Invalid 'limit': " + limit + " is out of range; expected a value between 1 and 100.");
        }
        return limit;
    }

    private static boolean desc(Optional<String> order) {
        String o = order.map(String::strip).orElse("desc");
        return switch (o) {
            case "", "desc" -> true;
            case "asc" -> false;
            default -> throw ApiError.invalid("order", "Invalid 'order': expected 'asc' or 'desc', got '" + o + "'.");
        };
    }
}
