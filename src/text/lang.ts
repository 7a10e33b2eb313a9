/**
 * The two written standards of Norwegian the bot speaks: bokmål ("nb") and nynorsk ("nn"). Shared by
 * the text catalogues and everything that labels stored data (option texts, statistics, exports).
 */
export type Lang = "nb" | "nn";
