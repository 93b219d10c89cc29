using Mammo.Imaging.Dicom;

namespace Mammo.Tests.Imaging.Dicom;

/// <summary>The VOI LUT formulas of PS3.3 C.11.2.1.2, at values worked out by hand.</summary>
public class DicomWindowTests
{
    [Theory]
    // c = 2048, w = 4096: the bounds are c − 0.5 ∓ (w − 1)/2 = 0 and 4095, y = ((x − 2047.5)/4095 + 0.5)·255 = x·255/4095.
    [InlineData(2048, 4096, -5, 0)]
    [InlineData(2048, 4096, 0, 0)]
    [InlineData(2048, 4096, 1000, 62.27106227106227)]
    [InlineData(2048, 4096, 4095, 255)]
    [InlineData(2048, 4096, 4096, 255)]
    // c = 40, w = 81: bounds −0.5 and 79.5; x = 0 gives ((0 − 39.5)/80 + 0.5)·255 = 0.00625·255.
    [InlineData(40, 81, 0, 1.59375)]
    [InlineData(40, 81, 39.5, 127.5)]
    [InlineData(40, 81, 79.5, 255)]
    // w = 1 is a threshold at c − 0.5.
    [InlineData(100, 1, 99.5, 0)]
    [InlineData(100, 1, 99.6, 255)]
    public void Linear(double center, double width, double x, double expected) =>
        Assert.Equal(expected, new DicomWindow(center, width, VoiLutFunction.Linear).Map(x, 0, 255), 1e-9);

    [Theory]
    // c = 100, w = 50: bounds c ∓ w/2 = 75 and 125, y = ((x − 100)/50 + 0.5)·255.
    [InlineData(74, 0)]
    [InlineData(75, 0)]
    [InlineData(100, 127.5)]
    [InlineData(110, 178.5)]
    [InlineData(125, 255)]
    [InlineData(126, 255)]
    public void Linear_exact(double x, double expected) =>
        Assert.Equal(expected, new DicomWindow(100, 50, VoiLutFunction.LinearExact).Map(x, 0, 255), 1e-9);

    [Theory]
    // y = 255 / (1 + exp(−4(x − 100)/50)): exp(∓2) at x = 125 and 75, exp(−0.8) at x = 110.
    [InlineData(100, 127.5)]
    [InlineData(125, 224.60325488436)]
    [InlineData(75, 30.396745115639977)]
    [InlineData(110, 175.94349268754118)]
    public void Sigmoid(double x, double expected) =>
        Assert.Equal(expected, new DicomWindow(100, 50, VoiLutFunction.Sigmoid).Map(x, 0, 255), 1e-9);

    [Fact]
    public void The_output_range_is_the_one_given()
    {
        // LINEAR_EXACT, c = 0, w = 2, into [−10, 10]: x = 0.5 is ((0.5 − 0)/2 + 0.5)·20 − 10 = 5.
        Assert.Equal(5, new DicomWindow(0, 2, VoiLutFunction.LinearExact).Map(0.5, -10, 10), 1e-12);
        Assert.Equal(-10, new DicomWindow(0, 2, VoiLutFunction.Linear).Map(-3, -10, 10));
        Assert.Equal(0, new DicomWindow(0, 2, VoiLutFunction.Sigmoid).Map(0, -10, 10), 1e-12);
    }
}
