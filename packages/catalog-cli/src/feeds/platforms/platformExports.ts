/** The shop platforms whose product exports the CLI reads, told apart by their header. */
import { readBigCommerceProducts, BIGCOMMERCE_PRODUCT_SIGNATURE } from './bigCommerceProducts.js';
import type { ExportTable, PlatformFeed, PlatformOptions } from './exportTable.js';
import { readMagentoProducts, MAGENTO_PRODUCT_SIGNATURE } from './magentoProducts.js';
import { readShopifyProducts, SHOPIFY_PRODUCT_SIGNATURE } from './shopifyProducts.js';
import { readWooCommerceProducts, WOOCOMMERCE_PRODUCT_SIGNATURE } from './wooCommerceProducts.js';

/** A platform whose product export is read. */
export type Platform = 'shopify' | 'woocommerce' | 'magento' | 'bigcommerce';

/** Each platform: the columns (any spelling of each) its export always has, and its reader. */
const PLATFORMS: Array<{ platform: Platform; signature: string[][]; read: (table: ExportTable, options: PlatformOptions) => PlatformFeed }> = [
  { platform: 'shopify', signature: SHOPIFY_PRODUCT_SIGNATURE, read: readShopifyProducts },
  { platform: 'woocommerce', signature: WOOCOMMERCE_PRODUCT_SIGNATURE, read: readWooCommerceProducts },
  { platform: 'magento', signature: MAGENTO_PRODUCT_SIGNATURE, read: readMagentoProducts },
  { platform: 'bigcommerce', signature: BIGCOMMERCE_PRODUCT_SIGNATURE, read: readBigCommerceProducts },
];

/** Names of the platforms, with the columns that identify each export (for messages). */
export const PLATFORM_COLUMNS = PLATFORMS.map(({ platform, signature }) => `${platform}: ${signature.map((names) => names[0]).join(', ')}`);

/**
 * The platform whose product export has this header, if any.
 * @param table the parsed CSV
 */
export function detectPlatform(table: ExportTable): Platform | undefined {
  return PLATFORMS.find(({ signature }) => signature.every((names) => names.some((n) => table.indexOf(n) !== undefined)))?.platform;
}

/**
 * Reads a platform's product export.
 * @param platform the platform ({@link detectPlatform})
 * @param table the parsed CSV
 */
export function readPlatformExport(platform: Platform, table: ExportTable, options: PlatformOptions): PlatformFeed {
  return PLATFORMS.find((p) => p.platform === platform)!.read(table, options);
}
