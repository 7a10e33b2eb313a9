/**
 * Which ids Cosmos DB can hold: at most 255 characters, none of "/", "\\", "?" or "#" (they are path
 * and query syntax in the REST protocol, so the SDK would build another request path from them), and
 * no control characters. Ids arrive from card data; one of another shape cannot name a stored document,
 * so the repositories answer "not found" for it without asking Cosmos.
 */

const ID_MAX_LENGTH = 255;

/** The four characters Cosmos does not allow in an id. */
const FORBIDDEN = /[/\\?#]/;

/** True for an id Cosmos can hold. */
export function isStorableId(id: unknown): id is string {
  if (typeof id !== "string" || id.length === 0 || id.length > ID_MAX_LENGTH || FORBIDDEN.test(id))
    return false;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    if (c < 32 || c === 127) return false; // control characters
  }
  return true;
}
