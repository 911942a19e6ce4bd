import type { EventHandler } from "@/server/service/define-handler";
import { orderSubscribe } from "./order-subscribe";
import { orderUnsubscribe } from "./order-unsubscribe";
import { requestStats } from "./request-stats";
import { resume } from "./resume";
import { subscribeAdmin } from "./subscribe-admin";
import { subscribeOrders } from "./subscribe-orders";

export const handlers = [orderSubscribe, orderUnsubscribe, subscribeOrders, subscribeAdmin, requestStats, resume] as EventHandler[];
