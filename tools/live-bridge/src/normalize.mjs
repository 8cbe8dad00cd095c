// One gift event of tiktok-live-connector 2.x, in any of its shapes, read into one flat form. Every id stays a string.
//
//   v3 (2.3+):    common.{msgId,roomId,createTime}, gift.{id,name,type,diamondCount}, user.{id,displayId},
//                 toUser.id, monitorInfo.{toUserId,anchorId}, giftId, repeatCount, repeatEnd, groupId
//   v2 (2.1–2.2): common.{msgId,roomId,createTime}, giftDetails.{id,giftName,giftType,diamondCount},
//                 user.{userId,uniqueId}, toUser.userId, giftExtra.{toUserId,anchorId}
//   v1 (2.0.x):   event.{msgId,createTime}, giftDetails.{giftName,giftType,diamondCount}, user.{userId,uniqueId},
//                 giftExtra.{receiverUserId,timestamp}
// The event time is always the message's createTime (ms); the monitor timestamps (send/profit timings, giftExtra.timestamp)
// are the platform's internal timings and never used.

/** An id as a string; "" for absent, empty or zero (the proto default). Numbers are accepted only when exact. */
export function idString(value) {
  if (value === undefined || value === null) return "";
  if (typeof value === "bigint") return value === 0n ? "" : value.toString();
  if (typeof value === "number") {
    if (!Number.isSafeInteger(value)) throw new Error(`id ${value} is not exact as a JavaScript number; read the event with parseJson`);
    return value === 0 ? "" : String(value);
  }
  if (typeof value === "object" && typeof value.toString === "function" && "low" in value && "high" in value) {
    return idString(value.toString()); // a protobufjs Long
  }
  const text = String(value).trim();
  return text === "0" ? "" : text;
}

function int(value, fallback = 0) {
  if (value === undefined || value === null || value === "") return fallback;
  const n = typeof value === "number" ? value : Number(value);
  return Number.isFinite(n) ? Math.trunc(n) : fallback;
}

function flag(value) {
  return value === true || value === 1 || value === "1" || value === "true";
}

/** Which 2.x shape an event has: "v3", "v2" or "v1". */
export function shapeOf(event) {
  if (event.gift && typeof event.gift === "object" && ("diamondCount" in event.gift || "type" in event.gift)) return "v3";
  if (event.common && typeof event.common === "object") return "v2";
  if (event.event && typeof event.event === "object") return "v1";
  if (event.giftDetails) return event.giftExtra && "receiverUserId" in event.giftExtra ? "v1" : "v2";
  throw new Error("not a gift event of tiktok-live-connector 2.x (no gift, common, event or giftDetails)");
}

/**
 * Reads one gift event. `context.hostId` is the LIVE's host (room owner), the receiver when the event names none;
 * `context.roomId` is used when the event carries no room id (2.0.x).
 */
export function normalizeGift(event, context = {}) {
  const shape = shapeOf(event);
  const user = event.user ?? {};
  const toUser = event.toUser ?? {};
  let common, details, monitor;
  if (shape === "v3") {
    common = event.common ?? {};
    details = { id: event.gift.id ?? event.giftId, name: event.gift.name, type: event.gift.type, diamondCount: event.gift.diamondCount };
    monitor = event.monitorInfo ?? {};
  } else if (shape === "v2") {
    common = event.common ?? {};
    const g = event.giftDetails ?? {};
    details = { id: g.id ?? event.giftId, name: g.giftName ?? g.name, type: g.giftType ?? g.type, diamondCount: g.diamondCount };
    monitor = event.giftExtra ?? event.monitorInfo ?? {};
  } else {
    common = event.event ?? {};
    const g = event.giftDetails ?? {};
    details = { id: event.giftId, name: g.giftName, type: g.giftType, diamondCount: g.diamondCount };
    monitor = { toUserId: event.giftExtra?.receiverUserId };
  }

  const msgId = idString(common.msgId ?? event.msgId);
  if (!msgId) throw new Error("gift event without a message id");
  const createTime = idString(common.createTime ?? event.createTime);
  if (!createTime || !/^\d+$/.test(createTime)) throw new Error(`gift event ${msgId} without a createTime`);

  const senderId = idString(user.id ?? user.userId ?? event.userId);
  const senderName = String(user.displayId ?? user.uniqueId ?? event.uniqueId ?? "");
  const hostId = idString(context.hostId) || idString(monitor.anchorId);
  const toUserId = idString(toUser.id ?? toUser.userId);
  const monitorTo = idString(monitor.toUserId);
  const receiverId = toUserId || monitorTo || hostId;
  const receiverSource = toUserId ? "toUser" : monitorTo ? "monitorInfo.toUserId" : hostId ? "host" : "none";

  return {
    shape,
    msgId,
    roomId: idString(common.roomId ?? event.roomId) || idString(context.roomId),
    createTimeMs: createTime,
    occurredAt: new Date(Number(createTime)).toISOString(), // ms since 1970 are far inside the safe range
    giftId: idString(details.id ?? event.giftId),
    giftName: details.name ? String(details.name) : "",
    giftType: int(details.type),
    streakable: int(details.type) === 1,
    diamondCount: int(details.diamondCount),
    repeatCount: Math.max(1, int(event.repeatCount, 1)),
    repeatEnd: flag(event.repeatEnd),
    groupId: idString(event.groupId),
    senderId,
    senderName,
    receiverId,
    receiverSource,
  };
}

/** Event names of the connector that are battles (link-mic battles and their side events): never gifts. */
export function isBattleEvent(name) {
  return typeof name === "string" && /battle/i.test(name);
}
