/**
 * Vitest setup (unit and integration projects): every card is deep-frozen once its size is checked, so
 * a test fails where code changes a card after that (the invoke answer is written from the JSON the
 * size check made: cards/card-size.ts).
 */
import { freezeCardsOnceMeasured } from "../../cards/card-size.ts";

freezeCardsOnceMeasured();
