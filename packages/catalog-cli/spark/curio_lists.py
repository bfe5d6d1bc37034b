"""Curio catalog lists on Apache Spark: the catalog CLI's list queries (sql/*.sql), run by Spark SQL.

Submitted by `curio-catalog lists --engine spark` (or by hand, see docs/catalog-cli.md):

    spark-submit curio_lists.py --products <out>/products.csv --interactions <log> --out <dir> \
        --sql <package>/sql [--k 20] [--no-tune]

Reads the log (sessions text, order CSV, .gz by file name, or Parquet with order_id or session_id,
item_id and optional timestamp columns) into clicks(seq, pos, item) with the meaning of the CLI's
reader, runs the same SQL as DuckDB, and writes the lists folder that
`curio-catalog build --products <feed> --lists <dir>` turns into catalog files: manifest.json,
popularity/sr/cooc/next/next_repeats (or bought) as Parquet, and, for tuning, train/ and
holdout.parquet. Rows are identical to DuckDB's: the rule scores are exact and co-occurrence keeps
K + 10 candidates that the CLI scores itself.
"""
import argparse
import csv
import hashlib
import json
import math
import os
from string import Template

from pyspark.sql import SparkSession, Window
from pyspark.sql import functions as F
from pyspark.sql.types import LongType, StructField, StructType

COOCCURRENCE_MARGIN = 10
ORDER_HEADER_NAMES = {"order_id", "orderid", "order", "transaction_id", "id"}
PARQUET_COLUMNS = {
    "orders": ["order_id", "orderid", "transaction_id"],
    "sessions": ["session_id", "sessionid", "visit_id"],
    "item": ["item_id", "product_id", "itemid", "sku"],
    "time": ["timestamp", "time", "event_time", "created_at"],
}


def list_definitions(kind):
    """The lists of engine/../lists/listDefinitions.ts."""
    if kind == "orders":
        return [{"id": "bought", "method": "cooccurrence", "alpha": 0.8}]
    return [
        {"id": "sr", "method": "rules", "window": 10, "backward": 0.5, "self": False},
        {"id": "cooc", "method": "cooccurrence", "alpha": 0.8},
        {"id": "next", "method": "rules", "window": 1, "backward": 0, "self": True},
    ]


def rule_unit(window):
    unit = 1
    for d in range(2, window + 1):
        unit = unit * d // math.gcd(unit, d)
    return unit


def js_number(value):
    """A number written as JavaScript's String(value) writes it (the CLI's sqlNumber)."""
    if float(value).is_integer():
        return str(int(value))
    return repr(float(value))


def dense_index(df, order_columns, name):
    """Adds a 0-based dense index in the given order without moving all rows to one partition."""
    ordered = df.orderBy(*order_columns)
    schema = StructType(ordered.schema.fields + [StructField(name, LongType(), False)])
    return ordered.rdd.zipWithIndex().map(lambda pair: tuple(pair[0]) + (pair[1],)).toDF(schema)


def time_column(column):
    """Epoch milliseconds: numbers as they are, timestamps and ISO text parsed (null if unreadable)."""
    text = F.trim(column.cast("string"))
    return (
        F.when(text.rlike(r"^\d+(\.\d+)?$"), text.cast("double"))
        .otherwise(F.unix_millis(F.to_timestamp(text)).cast("double"))
    )


def load_sessions_text(spark, path, products):
    lines = (
        spark.sparkContext.textFile(path)
        .map(lambda line: line.strip(" \t\r\f\v"))
        .filter(lambda line: line != "")
        .zipWithIndex()
        .toDF(["line", "seq"])
    )
    sequences = lines.count()
    tokens = lines.select("seq", F.posexplode(F.split("line", r"\s+")).alias("raw", "id"))
    known = tokens.join(products, "id")
    window = Window.partitionBy("seq").orderBy("raw")
    clicks = known.select("seq", (F.row_number().over(window) - 1).cast("int").alias("pos"), F.col("idx").alias("item"))
    return clicks, sequences


def grouped_clicks(rows, kind, products):
    """rows(group_id, item_id, row, time) → clicks, as the CLI's groupRows does."""
    timed = rows.agg((F.count("*") > 0) & (F.count("time") == F.count("*"))).first()[0]
    groups = rows.groupBy("group_id").agg(F.min("row").alias("first"), F.min("time").alias("time"))
    order = ["time", "first"] if timed else ["first"]
    sequences = dense_index(groups, order, "seq").select("group_id", "seq")
    joined = rows.join(sequences, "group_id").join(products, rows.item_id == products.id)
    if kind == "orders":
        distinct = joined.groupBy("seq", "idx").agg(F.min("row").alias("first"))
        window = Window.partitionBy("seq").orderBy("first")
        clicks = distinct.select("seq", (F.row_number().over(window) - 1).cast("int").alias("pos"), F.col("idx").alias("item"))
    else:
        window = Window.partitionBy("seq").orderBy("time", "row")
        clicks = joined.select("seq", (F.row_number().over(window) - 1).cast("int").alias("pos"), F.col("idx").alias("item"))
    return clicks, sequences.count()


def load_order_csv(spark, path, header, products):
    raw = spark.read.csv(path, header=header, schema="order_id STRING, item_id STRING, ts STRING", mode="PERMISSIVE", quote='"', escape='"')
    rows = raw.select(
        F.monotonically_increasing_id().alias("row"),
        F.trim("order_id").alias("group_id"),
        F.trim("item_id").alias("item_id"),
        F.trim("ts").alias("ts"),
    ).withColumn("time", F.when((F.col("ts").isNull()) | (F.col("ts") == ""), F.lit(None).cast("double")).otherwise(time_column(F.col("ts"))))
    valid = (
        F.col("group_id").isNotNull() & (F.col("group_id") != "") & F.col("item_id").isNotNull() & (F.col("item_id") != "")
        & ~((F.col("ts") != "") & F.col("time").isNull())
    )
    return grouped_clicks(rows.where(valid).select("row", "group_id", "item_id", "time"), "orders", products)


def load_parquet(spark, path, products):
    df = spark.read.parquet(path)
    columns = {c.lower(): c for c in df.columns}

    def find(names):
        return next((columns[n] for n in names if n in columns), None)

    order, session, item, time = (find(PARQUET_COLUMNS[k]) for k in ("orders", "sessions", "item", "time"))
    group = order or session
    if not group or not item:
        raise SystemExit(f"the Parquet input needs an order_id or session_id column and an item_id column; it has {', '.join(df.columns)}")
    time_expr = time_column(F.col(time)) if time else F.lit(None).cast("double")
    if time and dict(df.dtypes)[time] in ("timestamp", "timestamp_ntz", "date"):
        time_expr = F.unix_millis(F.col(time).cast("timestamp")).cast("double")
    rows = df.where(F.col(group).isNotNull() & F.col(item).isNotNull()).select(
        F.monotonically_increasing_id().alias("row"),
        F.col(group).cast("string").alias("group_id"),
        F.col(item).cast("string").alias("item_id"),
        time_expr.alias("time"),
    )
    kind = "orders" if order else "sessions"
    clicks, sequences = grouped_clicks(rows, kind, products)
    return kind, clicks, sequences


def first_line(spark, path):
    for line in spark.sparkContext.textFile(path).take(50):
        if line.strip():
            return line.strip()
    return ""


def hadoop_write_text(spark, path, text):
    """Writes a small text file on any file system Spark can write to (local, HDFS, S3)."""
    jvm = spark._jvm
    target = jvm.org.apache.hadoop.fs.Path(path)
    fs = target.getFileSystem(spark._jsc.hadoopConfiguration())
    stream = fs.create(target, True)
    stream.write(bytearray(text.encode("utf-8")))
    stream.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--products", required=True, help="products.csv (idx,id) written by curio-catalog lists --engine spark")
    parser.add_argument("--interactions", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--sql", required=True, help="the catalog CLI's sql/ folder")
    parser.add_argument("--k", type=int, default=20)
    parser.add_argument("--no-tune", action="store_true")
    args = parser.parse_args()

    spark = SparkSession.builder.appName("curio-catalog-lists").getOrCreate()
    with open(args.products, newline="", encoding="utf-8") as f:
        ids = [row["id"] for row in sorted(csv.DictReader(f), key=lambda r: int(r["idx"]))]
    products = spark.createDataFrame([(i, id_) for i, id_ in enumerate(ids)], "idx INT, id STRING")

    path = args.interactions
    if path.endswith(".parquet") or os.path.isdir(path):
        kind, clicks, sequences = load_parquet(spark, path, products)
    else:
        line = first_line(spark, path)
        if "," in line:
            kind = "orders"
            header = next(csv.reader([line]))[0].strip().lower() in ORDER_HEADER_NAMES
            clicks, sequences = load_order_csv(spark, path, header, products)
        else:
            kind = "sessions"
            clicks, sequences = load_sessions_text(spark, path, products)
    clicks = clicks.persist()
    clicks.createOrReplaceTempView("clicks")

    def query(name, **parameters):
        with open(os.path.join(args.sql, f"{name}.sql"), encoding="utf-8") as f:
            return Template(f.read()).substitute({k: str(v) for k, v in parameters.items()})

    def write_list_set(view, prefix, count):
        target = args.out if not prefix else f"{args.out}/{prefix}"
        half_life = max(1, count / 10)
        spark.sql(query("popularity", clicks=view, newest=count - 1, half_life=js_number(half_life))).write.mode("overwrite").parquet(f"{target}/popularity.parquet")
        for definition in list_definitions(kind):
            if definition["method"] == "rules":
                unit = rule_unit(definition["window"])
                sql = query("sequential_rules", clicks=view, window=definition["window"], unit=unit, backward=js_number(definition["backward"]), keep=args.k)
                spark.sql(sql).write.mode("overwrite").parquet(f"{target}/{definition['id']}.parquet")
                if definition["self"]:
                    sql = query("repeats", clicks=view, window=definition["window"], unit=unit)
                    spark.sql(sql).write.mode("overwrite").parquet(f"{target}/{definition['id']}_repeats.parquet")
            else:
                sql = query("cooccurrence", clicks=view, alpha=js_number(definition["alpha"]), keep=args.k + COOCCURRENCE_MARGIN)
                spark.sql(sql).write.mode("overwrite").parquet(f"{target}/{definition['id']}.parquet")

    split = math.floor(sequences * 0.9)
    tunable = False
    if not args.no_tune:
        held_out = spark.sql(f"SELECT COALESCE(SUM(n - 1), 0) FROM (SELECT COUNT(*) AS n FROM clicks WHERE seq >= {split} GROUP BY seq HAVING COUNT(*) >= 2) h").first()[0]
        tunable = held_out >= 20 and split >= 10
    if tunable:
        spark.sql(f"SELECT seq, pos, item FROM clicks WHERE seq < {split}").createOrReplaceTempView("train_clicks")
        write_list_set("train_clicks", "train", split)
        spark.sql(f"SELECT seq, pos, item FROM clicks WHERE seq >= {split}").write.mode("overwrite").parquet(f"{args.out}/holdout.parquet")
    write_list_set("clicks", "", sequences)

    manifest = {
        "format": "curio-lists",
        "version": 1,
        "engine": f"spark {spark.version}",
        "kind": kind,
        "sequences": sequences,
        "split": split if tunable else None,
        "k": args.k,
        "products": len(ids),
        "productsSha256": hashlib.sha256("\n".join(ids).encode("utf-8")).hexdigest(),
    }
    hadoop_write_text(spark, f"{args.out}/manifest.json", json.dumps(manifest, indent=2) + "\n")
    spark.stop()


if __name__ == "__main__":
    main()
