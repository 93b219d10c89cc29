namespace Mammo.Imaging.Dicom;

/// <summary>Image Laterality (0020,0062) or Laterality (0020,0060): which breast the image shows.</summary>
public enum Laterality
{
    Right,
    Left,

    /// <summary>"U": the body part is not paired.</summary>
    Unpaired,

    /// <summary>"B": both sides in one image.</summary>
    Both,
}
