// Shared setup: OpenAiSdkIT starts a gateway with the script model and passes its URL and token.
import OpenAI from 'openai';

export const baseURL = process.env.OPENCLAW_BASE_URL;
export const apiKey = process.env.OPENCLAW_TOKEN;
if (!baseURL || !apiKey) {
  throw new Error('OPENCLAW_BASE_URL and OPENCLAW_TOKEN must be set (OpenAiSdkIT sets them)');
}

/** A client on the gateway; maxRetries 0 so a failure shows at once. */
export function client(options = {}) {
  return new OpenAI({ baseURL, apiKey, maxRetries: 0, timeout: 20_000, ...options });
}
