using Mammo.Data;
using Mammo.Sampling;

namespace Mammo.Tests.Sampling;

public class AbnormalityGroupExtensionsTests
{
    [Fact]
    public void Groups_hold_their_classes_and_never_normal()
    {
        Assert.Equal([AbnormalityClass.Calcification], AbnormalityGroup.Calcification.Classes());
        Assert.Equal([AbnormalityClass.Circumscribed, AbnormalityClass.Spiculated, AbnormalityClass.IllDefined], AbnormalityGroup.Mass.Classes());
        Assert.Equal([AbnormalityClass.ArchitecturalDistortion], AbnormalityGroup.ArchitecturalDistortion.Classes());
        Assert.Equal([AbnormalityClass.Asymmetry], AbnormalityGroup.Asymmetry.Classes());
        Assert.Equal(MiasCodes.AbnormalClasses, AbnormalityGroup.All.Classes());
        Assert.All(Enum.GetValues<AbnormalityGroup>(), g => Assert.False(g.Contains(AbnormalityClass.Normal)));
    }
}
