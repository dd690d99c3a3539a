#!/bin/sh
pip install numpy
pip install "torch>=2.0 <3"
