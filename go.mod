module github.com/quoth-dev/quoth

go 1.26.8
