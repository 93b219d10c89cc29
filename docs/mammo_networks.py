"""Mammo's networks in plain PyTorch, with the attribute names Mammo's state_dict keys use.

    import torch
    from mammo_networks import SeedCnn, BatchNormCnn, FoldEnsemble
    model = SeedCnn(classes=2)
    model.load_state_dict(torch.load("model.pt"))          # written by: mammo export RUN --format pytorch --out model.pt
    model.eval()
    probabilities = model(patches_0_to_255 / 255.0).softmax(1)   # input [N, 1, 48, 48], grey levels scaled to 0..1

A cross-validation run's file holds its k fold networks under folds.0. ... folds.{k-1}.:
    model = FoldEnsemble([SeedCnn(2) for _ in range(k)]); model.load_state_dict(torch.load("cv.pt"))
and FoldEnsemble returns the mean of the folds' softmax probabilities (not logits), as Mammo predicts.
The tests load exported files into these classes and compare with Mammo's outputs (tests/Mammo.Tests/Learning/PyTorchStateDictTests.cs).
"""
import torch
from torch import nn


class SeedCnn(nn.Module):
    """The original study's Keras CNN as Mammo's SeedCnn: logits for [N, 1, 48, 48] inputs in 0..1."""

    def __init__(self, classes: int = 2):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 32, 3)
        self.conv2 = nn.Conv2d(32, 64, 3)
        self.pool1 = nn.MaxPool2d(2)
        self.conv3 = nn.Conv2d(64, 64, 3)
        self.pool2 = nn.MaxPool2d(2)
        self.dropout1 = nn.Dropout(0.25)
        self.dense = nn.Conv2d(64, 64, 1)   # Keras' Dense(64) on the 10x10x64 map acts per pixel: a 1x1 convolution
        self.dropout2 = nn.Dropout(0.25)
        self.flatten = nn.Flatten()          # NCHW order (channel, row, column)
        self.logits = nn.Linear(64 * 10 * 10, classes)

    def forward(self, x):
        x = torch.relu(self.conv1(x))
        x = torch.relu(self.conv2(x))
        x = self.pool1(x)
        x = torch.relu(self.conv3(x))
        x = self.pool2(x)
        x = self.dropout1(x)
        x = torch.relu(self.dense(x))
        x = self.dropout2(x)
        return self.logits(self.flatten(x))


class BatchNormCnn(nn.Module):
    """Mammo's BatchNormCnn: three blocks of (conv 3x3 - batch norm - ReLU) x 2 and max pooling, global average pooling."""

    def __init__(self, classes: int = 2):
        super().__init__()
        widths, channels, layer = [16, 32, 64], 1, 0
        for block, width in enumerate(widths):
            for _ in range(2):
                layer += 1
                setattr(self, f"conv{layer}", nn.Conv2d(channels, width, 3, padding=1, bias=False))
                setattr(self, f"bn{layer}", nn.BatchNorm2d(width))
                channels = width
            setattr(self, f"pool{block + 1}", nn.MaxPool2d(2))
        self.gap = nn.AdaptiveAvgPool2d(1)
        self.flatten = nn.Flatten()
        self.dropout = nn.Dropout(0.3)
        self.logits = nn.Linear(channels, classes)

    def forward(self, x):
        for block in range(3):
            for i in (1, 2):
                layer = block * 2 + i
                x = torch.relu(getattr(self, f"bn{layer}")(getattr(self, f"conv{layer}")(x)))
            x = getattr(self, f"pool{block + 1}")(x)
        x = self.dropout(self.flatten(self.gap(x)))
        return self.logits(x)


class FoldEnsemble(nn.Module):
    """A cross-validation run's fold networks: the mean of their softmax probabilities."""

    def __init__(self, folds):
        super().__init__()
        self.folds = nn.ModuleList(folds)

    def forward(self, x):
        return torch.stack([f(x).softmax(1) for f in self.folds]).mean(0)
