/** Who is acting, taken from the Teams activity (authenticated by the channel), never from card data. */
import type { Activity } from "botbuilder";
import type { Actor } from "../src/reports/types.ts";

export function actorOf(activity: Activity): Actor {
  const from = activity.from;
  const tenantId =
    activity.conversation?.tenantId ??
    (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id ??
    undefined;
  return {
    id: from.aadObjectId ?? from.id,
    name: from.name ?? "",
    ...(tenantId !== undefined ? { tenantId } : {}),
  };
}
