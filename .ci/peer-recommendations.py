"""Peer recommenders on the split `vitrine-bench segments uci` measures (see .ci/bench-recommendations.sh).

The UCI Online Retail file is mapped as vitrine maps it (OnlineRetailStore.swift): rows without a customer,
quantity or price <= 0 and stock codes not starting with a digit are dropped; a cancellation (C...) undoes the
same customer's latest earlier purchases of the product, unit by unit, and a purchase cancelled in full is no
purchase. Each
model of the `implicit` library is fit on the purchases before a test period (binary customer x product matrix)
and recommends 10 products the customer does not own; customers with no purchase before get the baseline's list
(these models cannot place them). Scores are vitrine's HoldoutEvaluation: over the customers who bought a product
new to them in the period, hit rate@10 and macro recall@10 on those new products, against the 10 products with the
most distinct buyers before the period (ties by first appearance in the file).

Each model's settings are chosen on the five validation windows vitrine chooses its own on (30 days from February
1, February 15, March 1, March 15 and April 1 2011), by the mean of the two ratios over all customers; then May
is run once with the chosen settings of each model.
"""

import csv
import datetime
import sys

import numpy as np
import scipy.sparse as sparse
import threadpoolctl
from implicit.als import AlternatingLeastSquares
from implicit.bpr import BayesianPersonalizedRanking
from implicit.nearest_neighbours import BM25Recommender, CosineRecommender, TFIDFRecommender

threadpoolctl.threadpool_limits(1, "blas")  # implicit's advice: BLAS threads fight its own.


def day_number(text):
    return (datetime.date.fromisoformat(text[:10]) - datetime.date(1970, 1, 1)).days


def load(path):
    customers, products, rows, left, lines = {}, {}, [], [], {}
    with open(path, encoding="utf-8", newline="") as file:
        for row in csv.DictReader(file):
            customer, code, moment = row["CustomerID"], row["StockCode"], row["InvoiceDate"]
            if not customer or not code[:1].isdigit():
                continue
            try:
                quantity = int(row["Quantity"])
                if row["InvoiceNo"].startswith("C"):
                    quantity = -quantity
                    for line in reversed(lines.get((customer, code), [])):
                        if quantity > 0 and rows[line][3] <= moment:
                            taken = min(quantity, left[line])
                            left[line] -= taken
                            quantity -= taken
                    continue
                if quantity <= 0 or float(row["UnitPrice"]) <= 0:
                    continue
            except ValueError:
                continue
            lines.setdefault((customer, code), []).append(len(rows))
            rows.append((customers.setdefault(customer, len(customers)), products.setdefault(code, len(products)),
                         day_number(moment), moment))
            left.append(quantity)
    table = np.array([row[:3] for row, units in zip(rows, left) if units > 0], dtype=np.int64)
    return table[:, 0], table[:, 1], table[:, 2], len(customers), len(products)


CUSTOMER, PRODUCT, DAY, CUSTOMERS, PRODUCTS = load(sys.argv[1])


def owned(mask):
    sets = [set() for _ in range(CUSTOMERS)]
    for customer, product in zip(CUSTOMER[mask], PRODUCT[mask]):
        sets[customer].add(int(product))
    return sets


def score(recommend, train, test, customers):
    evaluated = hits = 0
    recall = 0.0
    for customer in customers:
        fresh = test[customer] - train[customer]
        if not fresh:
            continue
        found = sum(1 for product in recommend(customer)[:10] if product in fresh)
        evaluated += 1
        hits += found > 0
        recall += found / len(fresh)
    return hits / evaluated, recall / evaluated, evaluated


def evaluate(make, test_from, test_until):
    """(hit ratio, recall ratio) over all customers and over those with history, and the absolute figures."""
    before = DAY < day_number(test_from)
    during = (DAY >= day_number(test_from)) & (DAY < day_number(test_until))
    train, test = owned(before), owned(during)
    buyers = np.zeros(PRODUCTS)
    for products in train:
        for product in products:
            buyers[product] += 1
    popular = sorted(range(PRODUCTS), key=lambda product: (-buyers[product], product))

    def baseline(customer):
        return [product for product in popular[:10 + len(train[customer])] if product not in train[customer]][:10]

    matrix = sparse.csr_matrix((np.ones(int(before.sum()), dtype=np.float32), (CUSTOMER[before], PRODUCT[before])),
                               shape=(CUSTOMERS, PRODUCTS))
    matrix.data[:] = 1
    model = make()
    model.fit(matrix, show_progress=False)
    warm = np.array([customer for customer in range(CUSTOMERS) if train[customer]])
    ids, _ = model.recommend(warm, matrix[warm], N=10, filter_already_liked_items=True)
    picks = {int(customer): [int(product) for product in row if product >= 0] for customer, row in zip(warm, ids)}

    def recommend(customer):
        return picks.get(customer) or baseline(customer)

    everyone = range(CUSTOMERS)
    model_all, base_all = score(recommend, train, test, everyone), score(baseline, train, test, everyone)
    model_warm, base_warm = score(recommend, train, test, warm), score(baseline, train, test, warm)
    return {
        "all": (model_all[0] / base_all[0], model_all[1] / base_all[1]),
        "warm": (model_warm[0] / base_warm[0], model_warm[1] / base_warm[1]),
        "figures": (model_all, base_all),
    }


MODELS = {
    "item cosine": {f"K={k}": (lambda k=k: CosineRecommender(K=k)) for k in (50, 100, 200)},
    "item TF-IDF": {f"K={k}": (lambda k=k: TFIDFRecommender(K=k)) for k in (50, 100, 200)},
    "item BM25": {f"K={k} B={b}": (lambda k=k, b=b: BM25Recommender(K=k, B=b))
                  for k in (50, 100) for b in (0.5, 0.75)},
    "ALS": {f"factors={f} reg={r}": (lambda f=f, r=r: AlternatingLeastSquares(
        factors=f, regularization=r, iterations=30, random_state=1)) for f in (32, 64, 128) for r in (0.1, 1.0)},
    "BPR": {f"factors={f} lr={lr}": (lambda f=f, lr=lr: BayesianPersonalizedRanking(
        factors=f, learning_rate=lr, iterations=300, random_state=1)) for f in (64, 128) for lr in (0.01, 0.05)},
}
WINDOWS = [("2011-02-01", "2011-03-03"), ("2011-02-15", "2011-03-17"), ("2011-03-01", "2011-03-31"),
           ("2011-03-15", "2011-04-14"), ("2011-04-01", "2011-05-01")]

print(f"{len(CUSTOMER)} lines, {CUSTOMERS} customers, {PRODUCTS} products")
print("| peer (implicit) | chosen on the windows | windows, all: hit / recall | May, all: hit / recall "
      "| May, with history: hit / recall |")
print("|---|---|---|---|---|")
for family, settings in MODELS.items():
    trials = []
    for name, make in settings.items():
        outcomes = [evaluate(make, *window) for window in WINDOWS]
        mean = tuple(np.mean([outcome["all"][i] for outcome in outcomes]) for i in (0, 1))
        trials.append((sum(mean), name, make, mean))
    _, name, make, mean = max(trials, key=lambda trial: trial[0])
    may = evaluate(make, "2011-05-01", "2011-06-01")
    (hit, recall, evaluated), (base_hit, base_recall, _) = may["figures"]
    print(f"| {family} | {name} | {mean[0]:.2f}× / {mean[1]:.2f}× | {may['all'][0]:.2f}× / {may['all'][1]:.2f}× "
          f"({hit:.2%} / {recall:.2%} vs {base_hit:.2%} / {base_recall:.2%}, {evaluated} customers) "
          f"| {may['warm'][0]:.2f}× / {may['warm'][1]:.2f}× |", flush=True)
