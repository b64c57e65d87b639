package com.commerceinsight.prediction.lifetime;

import java.util.function.ToDoubleFunction;

import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * Minimises a function of strictly positive parameters with commons-math3's Nelder-Mead on their logarithms (no
 * bounds to handle, and a step means the same relative change for alpha in days as for r). The search is restarted
 * from where it stopped until a restart no longer improves it: Nelder-Mead can stall on a shrunken simplex, and a
 * fresh simplex around the point either confirms the optimum or moves on.
 */
final class PositiveParameterSearch {

    /** Far outside any sensible value; keeps the search off parameters whose likelihood is 0 or not a number. */
    private static final double LOG_LIMIT = 25;

    private PositiveParameterSearch() {
    }

    /** The parameters that minimise the function, starting from {@code start}. */
    static double[] minimise(ToDoubleFunction<double[]> function, double[] start) {
        ObjectiveFunction objective = new ObjectiveFunction(logs -> {
            for (double l : logs) {
                if (Math.abs(l) > LOG_LIMIT) {
                    return Double.MAX_VALUE;
                }
            }
            double value = function.applyAsDouble(exp(logs));
            return Double.isFinite(value) ? value : Double.MAX_VALUE;
        });
        double[] point = new double[start.length];
        for (int i = 0; i < start.length; i++) {
            point[i] = Math.log(start[i]);
        }
        double best = Double.MAX_VALUE;
        for (int restart = 0; restart < 10; restart++) {
            PointValuePair found = new SimplexOptimizer(1e-12, 1e-12).optimize(new MaxEval(20_000), objective, GoalType.MINIMIZE,
                    new InitialGuess(point), new NelderMeadSimplex(start.length, 0.5));
            boolean improved = found.getValue() < best - 1e-10 * Math.abs(best);
            if (found.getValue() < best) {
                best = found.getValue();
                point = found.getPoint();
            }
            if (!improved) {
                break;
            }
        }
        return exp(point);
    }

    private static double[] exp(double[] logs) {
        double[] values = new double[logs.length];
        for (int i = 0; i < logs.length; i++) {
            values[i] = Math.exp(logs[i]);
        }
        return values;
    }
}
