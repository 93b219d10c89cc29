namespace Mammo.Sampling;

/// <summary>
/// Puts samples in one canonical order (by id) before anything random touches them, so a seed picks the
/// same samples however the caller happened to order its list.
/// </summary>
internal static class SampleOrder
{
    public static Sample[] Sorted(IReadOnlyList<Sample> samples, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(samples, parameterName);
        var sorted = samples.ToArray();
        if (sorted.Any(s => s is null))
        {
            throw new ArgumentException("a sample is null", parameterName);
        }

        Array.Sort(sorted, (a, b) => string.CompareOrdinal(a.Id, b.Id));
        for (var i = 1; i < sorted.Length; i++)
        {
            // Two samples with one id would make the order, and so the seeded choice, depend on the input order.
            if (string.Equals(sorted[i - 1].Id, sorted[i].Id, StringComparison.Ordinal))
            {
                throw new ArgumentException($"sample {sorted[i].Id} is listed twice", parameterName);
            }
        }

        if (sorted.FirstOrDefault(s => s.Label < 0) is { } negative)
        {
            throw new ArgumentException($"sample {negative.Id} has negative label {negative.Label}", parameterName);
        }

        return sorted;
    }
}
