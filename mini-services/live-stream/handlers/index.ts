import type { EventHandler } from "@/server/service/define-handler";
import activateOffer from "./activate-offer";
import addReaction from "./add-reaction";
import banUser from "./ban-user";
import cartAdd from "./cart-add";
import claimOffer from "./claim-offer";
import deleteMessage from "./delete-message";
import endOffer from "./end-offer";
import endStream from "./end-stream";
import featureProduct from "./feature-product";
import goLive from "./go-live";
import highlightMessage from "./highlight-message";
import joinStream from "./join-stream";
import leaveStream from "./leave-stream";
import liftSanctions from "./lift-sanctions";
import muteUser from "./mute-user";
import pinMessage from "./pin-message";
import productClick from "./product-click";
import sendMessage from "./send-message";
import setBlockedWords from "./set-blocked-words";
import setChatEnabled from "./set-chat-enabled";
import setSlowMode from "./set-slow-mode";

export const handlers = [
  joinStream,
  leaveStream,
  sendMessage,
  addReaction,
  productClick,
  cartAdd,
  claimOffer,
  goLive,
  endStream,
  featureProduct,
  activateOffer,
  endOffer,
  pinMessage,
  highlightMessage,
  deleteMessage,
  muteUser,
  banUser,
  liftSanctions,
  setSlowMode,
  setChatEnabled,
  setBlockedWords,
] as EventHandler[];
