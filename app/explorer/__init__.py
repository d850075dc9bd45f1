"""The Streamlit explorer: pages over named queries and the store seam."""
