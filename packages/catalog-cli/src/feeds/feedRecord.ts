/** Shared shapes of the feed readers. */

/** One raw product record of a feed, with the 1-based line it starts on. */
export interface FeedRecord {
  line: number;
  fields: Record<string, unknown>;
}

/** A problem with one record or line; the record is skipped. */
export interface FeedIssue {
  line: number;
  message: string;
}

/** What a feed reader produced before records become products. */
export interface RawFeed {
  records: FeedRecord[];
  issues: FeedIssue[];
}
