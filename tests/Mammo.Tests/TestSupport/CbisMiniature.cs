using Mammo.Tests.Imaging.Dicom;

namespace Mammo.Tests.TestSupport;

/// <summary>
/// CBIS-DDSM in miniature, as published: the four case-description CSVs and DICOM full mammograms (64×48), ROI
/// masks (a rectangle per lesion) and cropped images, half at the paths the CSVs give, half in the NBIA downloader's
/// folder names; one ROI path names the cropped image instead of the mask, as some real rows do.
/// </summary>
/// <remarks>
/// Known counts: 4 images of 3 patients (P_00001 twice), 5 usable lesions (CIRC B, SPIC M, ARCH B, CALC B from
/// BENIGN_WITHOUT_CALLBACK, CALC M), 1 row left out (pathology UNKNOWN); train: P_00001's two images, test: the others.
/// </remarks>
public static class CbisMiniature
{
    public const int Width = 64;
    public const int Height = 48;

    private const string MassHeader = "patient_id,breast_density,left or right breast,image view,abnormality id,abnormality type,mass shape,mass margins,assessment,pathology,subtlety,image file path,cropped image file path,ROI mask file path";
    private const string CalcHeader = "patient_id,breast density,left or right breast,image view,abnormality id,abnormality type,calc type,calc distribution,assessment,pathology,subtlety,image file path,cropped image file path,ROI mask file path";

    public static void Write(string root)
    {
        // Mass-Training: paths as written; lesion 2's ROI path names the cropped image (000000), the mask is 000001.
        Full(root, "Mass-Training_P_00001_LEFT_CC/1.1/1.2/000000.dcm");
        Roi(root, "Mass-Training_P_00001_LEFT_CC_1/1.3/1.4", "000000.dcm", "000001.dcm", (10, 12, 20, 22));
        Roi(root, "Mass-Training_P_00001_LEFT_CC_2/1.5/1.6", "000000.dcm", "000001.dcm", (40, 30, 49, 39));
        File.WriteAllText(Path.Combine(root, "mass_case_description_train_set.csv"), string.Join('\n',
            MassHeader,
            "P_00001,3,LEFT,CC,1,mass,OVAL,CIRCUMSCRIBED,4,BENIGN,4,Mass-Training_P_00001_LEFT_CC/1.1/1.2/000000.dcm,Mass-Training_P_00001_LEFT_CC_1/1.3/1.4/000000.dcm,Mass-Training_P_00001_LEFT_CC_1/1.3/1.4/000001.dcm",
            "P_00001,3,LEFT,CC,2,mass,IRREGULAR,SPICULATED,5,MALIGNANT,5,Mass-Training_P_00001_LEFT_CC/1.1/1.2/000000.dcm,Mass-Training_P_00001_LEFT_CC_2/1.5/1.6/000001.dcm,\"Mass-Training_P_00001_LEFT_CC_2/1.5/1.6/000000.dcm\n\"",
            string.Empty));

        // Mass-Test: the NBIA downloader's folders under the first one, file names 1-1 / 1-2.
        Full(root, "Mass-Test_P_00003_RIGHT_CC/10-04-2016-DDSM-NA-1/1.000000-full mammogram images-2/1-1.dcm");
        Roi(root, "Mass-Test_P_00003_RIGHT_CC_1/10-04-2016-DDSM-NA-3/1.000000-ROI mask images-4", "1-1.dcm", "1-2.dcm", (0, 0, 9, 9));
        File.WriteAllText(Path.Combine(root, "mass_case_description_test_set.csv"), string.Join('\n',
            MassHeader,
            "P_00003,2,RIGHT,CC,1,mass,ARCHITECTURAL_DISTORTION,ILL_DEFINED,4,BENIGN,3,Mass-Test_P_00003_RIGHT_CC/1.7/1.8/000000.dcm,Mass-Test_P_00003_RIGHT_CC_1/1.9/1.10/000000.dcm,Mass-Test_P_00003_RIGHT_CC_1/1.9/1.10/000001.dcm",
            string.Empty));

        Full(root, "Calc-Training_P_00001_LEFT_MLO/1.11/1.12/000000.dcm");
        Roi(root, "Calc-Training_P_00001_LEFT_MLO_1/1.13/1.14", "000000.dcm", "000001.dcm", (30, 20, 33, 23));
        File.WriteAllText(Path.Combine(root, "calc_case_description_train_set.csv"), string.Join('\n',
            CalcHeader,
            "P_00001,3,LEFT,MLO,1,calcification,PLEOMORPHIC,CLUSTERED,3,BENIGN_WITHOUT_CALLBACK,2,Calc-Training_P_00001_LEFT_MLO/1.11/1.12/000000.dcm,Calc-Training_P_00001_LEFT_MLO_1/1.13/1.14/000000.dcm,Calc-Training_P_00001_LEFT_MLO_1/1.13/1.14/000001.dcm",
            string.Empty));

        Full(root, "Calc-Test_P_00002_RIGHT_MLO/1.15/1.16/000000.dcm");
        Roi(root, "Calc-Test_P_00002_RIGHT_MLO_1/1.17/1.18", "000000.dcm", "000001.dcm", (50, 5, 55, 10));
        File.WriteAllText(Path.Combine(root, "calc_case_description_test_set.csv"), string.Join('\n',
            CalcHeader,
            "P_00002,1,RIGHT,MLO,1,calcification,AMORPHOUS,SEGMENTAL,5,MALIGNANT,4,Calc-Test_P_00002_RIGHT_MLO/1.15/1.16/000000.dcm,Calc-Test_P_00002_RIGHT_MLO_1/1.17/1.18/000000.dcm,Calc-Test_P_00002_RIGHT_MLO_1/1.17/1.18/000001.dcm",
            "P_00002,1,RIGHT,MLO,2,calcification,AMORPHOUS,SEGMENTAL,5,UNKNOWN,4,Calc-Test_P_00002_RIGHT_MLO/1.15/1.16/000000.dcm,Calc-Test_P_00002_RIGHT_MLO_1/1.17/1.18/000000.dcm,Calc-Test_P_00002_RIGHT_MLO_1/1.17/1.18/000001.dcm",
            string.Empty));
    }

    private static void Full(string root, string path)
    {
        var samples = new ushort[Width * Height];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (ushort)(1000 + (i * 37 % 3000));
        }

        WriteDicom(Path.Combine(root, path), Width, Height, samples);
    }

    // The mask: the rectangle (left, top)..(right, bottom) inclusive at 255 in a full-size image; the crop: 8×8.
    private static void Roi(string root, string folder, string crop, string mask, (int Left, int Top, int Right, int Bottom) box)
    {
        WriteDicom(Path.Combine(root, folder, crop), 8, 8, [.. Enumerable.Repeat((ushort)2000, 64)]);
        var samples = new ushort[Width * Height];
        for (var row = box.Top; row <= box.Bottom; row++)
        {
            for (var column = box.Left; column <= box.Right; column++)
            {
                samples[(row * Width) + column] = 255;
            }
        }

        WriteDicom(Path.Combine(root, folder, mask), Width, Height, samples);
    }

    private static void WriteDicom(string path, int width, int height, ushort[] samples)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, DicomFileBuilder.Grey(width, height, samples).Build());
    }
}
