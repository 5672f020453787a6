"""Tests for the training code: on data that follows an exact formula, fit() must find the formula."""
import unittest

from train import fit, r_squared


class TrainTest(unittest.TestCase):

    FEATURES = [[1, 2, 3], [2, 1, 0], [3, 5, 1], [4, 0, 2], [5, 3, 3], [6, 1, 5]]

    def exact_targets(self):
        return [10 + 2 * a - 3 * b + 0.5 * c for a, b, c in self.FEATURES]

    def test_fit_recovers_an_exact_linear_formula(self):
        weights = fit(self.FEATURES, self.exact_targets())
        for got, want in zip(weights, [10, 2, -3, 0.5]):
            self.assertAlmostEqual(got, want, places=6)

    def test_a_perfect_fit_explains_all_variance(self):
        targets = self.exact_targets()
        weights = fit(self.FEATURES, targets)
        self.assertAlmostEqual(r_squared(self.FEATURES, targets, weights), 1.0, places=9)


if __name__ == "__main__":
    unittest.main()
