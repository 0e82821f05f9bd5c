# statistics: averages, spread, quantiles, NormalDist, the errors of empty data.
import statistics as st
from fractions import Fraction

data = [2.5, 3.25, 5.5, 11.25, 11.75, 1.0, 4.0]
ints = [1, 2, 2, 3, 4, 4, 4, 5, 7]
print(st.mean(ints), st.mean(data), st.fmean(data), st.median(ints), st.median(data))
print(st.median_low([1, 3, 5, 7]), st.median_high([1, 3, 5, 7]), st.median_grouped(ints))
print(st.mode(ints), st.multimode("aabbbccddd"), st.mode(["red", "blue", "red"]))
print(st.pstdev(ints), st.stdev(ints), st.pvariance(ints), st.variance(ints))
print(round(st.stdev(data), 6), round(st.variance(data), 6))
print(st.geometric_mean([54, 24, 36]), st.harmonic_mean([40, 60]))
print(st.quantiles(ints, n=4), st.quantiles(data, n=10, method="inclusive"))
print(st.mean([Fraction(1, 2), Fraction(1, 3)]), st.variance([Fraction(1, 2), Fraction(3, 2), 2]))
x = [1, 2, 3, 4, 5]
y = [2, 4, 5, 4, 5]
print(st.correlation(x, y), st.covariance(x, y), st.linear_regression(x, y))
nd = st.NormalDist(100, 15)
print(nd, nd.mean, nd.stdev, round(nd.cdf(115), 6), round(nd.pdf(100), 8))
print(round(nd.inv_cdf(0.975), 6), [round(q, 4) for q in nd.quantiles(4)])
print(st.NormalDist.from_samples([1, 2, 3, 4, 5]), nd + 5, nd * 2)
print(round(nd.overlap(st.NormalDist(110, 15)), 6), round(nd.zscore(130), 6))
for f, arg in [(st.mean, []), (st.stdev, [1]), (st.mode, []), (st.median, [])]:
    try:
        f(arg)
    except st.StatisticsError as e:
        print(type(e).__name__, e)
