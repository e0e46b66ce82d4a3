import Evaluation
import Recommendation
import Testing

@Suite struct HoldoutEvaluationTests {
    @Test func holdoutMetricsOnAHandMadeSplit() {
        let train = PurchaseMatrix(
            customerCount: 3, productCount: 4, offsets: [0, 1, 2, 2], items: [0, 1], days: [0, 0])
        // Customer 0 buys 0 again (not new) and 2, 3; customer 1 buys 1 again only; customer 2 buys 3.
        let test = PurchaseMatrix(
            customerCount: 3, productCount: 4, offsets: [0, 3, 4, 5], items: [0, 2, 3, 1, 3], days: [0, 0, 0, 0, 0])
        let evaluation = HoldoutEvaluation(train: train, test: test, k: 2) { customer in
            customer == 0 ? [2, 1, 3] : [0, 1]
        }
        #expect(evaluation.customers == 2)
        #expect(evaluation.customersWithHit == 1)
        #expect(evaluation.hitRate == 0.5)
        #expect(evaluation.macroRecall == 0.25)
        #expect(abs(evaluation.microRecall - 1.0 / 3) < 1e-12)
    }
}
