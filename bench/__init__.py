"""The benchmark against Hugo and Pelican: synthetic archive, peer sites, measurements."""
